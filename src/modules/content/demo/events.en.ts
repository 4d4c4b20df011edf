/**
 * The demo's events: fixed content, so fixed dates (the seed cannot know when it runs), far
 * enough ahead to be upcoming for a while. Events are written by their hosts in one language;
 * these are in English. The exact addresses are made up and shown only to confirmed attendees.
 */
export interface DemoEvent {
  slug: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  online: boolean;
  town: string | null;
  country: string | null;
  location: string;
  capacity: number | null;
  hostName: string;
}

export const EVENTS_EN: DemoEvent[] = [
  {
    slug: "welcome-dinner-oslo",
    title: "Welcome dinner in Oslo",
    description:
      "An evening meal for newcomers and neighbours. Bring a dish from home if you like; there is plenty for everyone.\n\n- Children are welcome\n- Food is halal and vegetarian\n- Interpreters for Dari and Arabic",
    // 18:00–21:00 in Oslo, on the last Saturday of winter time.
    startsAt: "2027-03-27T17:00:00.000Z",
    endsAt: "2027-03-27T20:00:00.000Z",
    timeZone: "Europe/Oslo",
    online: false,
    town: "Oslo",
    country: "NO",
    location: "Welcome House, Storgata 1, 0155 Oslo (door on the courtyard side)",
    capacity: 40,
    hostName: "Welcome Oslo group",
  },
  {
    slug: "community-sponsorship-explained",
    title: "Community sponsorship explained (online)",
    description:
      "A one-hour online talk on how a group of neighbours can sponsor a refugee family: what it involves, how long it takes, and where to start. Questions are welcome.",
    startsAt: "2027-05-12T17:00:00.000Z",
    endsAt: "2027-05-12T18:00:00.000Z",
    timeZone: "Europe/London",
    online: true,
    town: null,
    country: null,
    location: "https://meet.example.org/community-sponsorship",
    capacity: null,
    hostName: "Hannah",
  },
  {
    slug: "letters-of-welcome-madrid",
    title: "Writing letters of welcome in Madrid",
    description:
      "We write cards to families who have just arrived, in their languages. No experience needed: we bring the paper, the pens and the words.",
    startsAt: "2027-06-05T08:00:00.000Z",
    endsAt: "2027-06-05T10:00:00.000Z",
    timeZone: "Europe/Madrid",
    online: false,
    town: "Madrid",
    country: "ES",
    location: "Biblioteca del barrio, Calle de Ejemplo 10, Madrid",
    capacity: 15,
    hostName: "Lucía",
  },
];
