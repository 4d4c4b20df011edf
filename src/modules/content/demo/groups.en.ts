/**
 * The demo's local groups, in English (groups are written by their organisers in one
 * language). Their organisers are made-up addresses at example.org, so the contact form and
 * the organiser's link work in a demo; nothing about a real person is invented.
 */
export interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  town: string;
  country: string;
  /** A point for the map (two decimals), or null for the country only. */
  latitude: number | null;
  longitude: number | null;
  organiserName: string;
  organiserEmail: string;
  /** The demo events this group runs, by slug. */
  events: string[];
}

export const GROUPS_EN: DemoGroup[] = [
  {
    slug: "welcome-oslo",
    name: "Welcome Oslo",
    description:
      "Neighbours in Oslo who make newcomers feel at home. We meet every other week for a meal, practise Norwegian together, and help with the paperwork that comes with a new life.\n\n- Language cafés on Tuesday evenings\n- Help with forms and letters\n- Shared dinners, open to everyone",
    town: "Oslo",
    country: "NO",
    latitude: 59.91,
    longitude: 10.75,
    organiserName: "Welcome Oslo organisers",
    organiserEmail: "welcome-oslo@example.org",
    events: ["welcome-dinner-oslo"],
  },
  {
    slug: "bergen-welcomes",
    name: "Bergen welcomes",
    description:
      "Students and families in Bergen who stand by classmates and neighbours seeking safety. We speak up for refugees’ rights, and we make sure nobody arrives to an empty kitchen.",
    town: "Bergen",
    country: "NO",
    latitude: null,
    longitude: null,
    organiserName: "Bergen welcomes team",
    organiserEmail: "bergen-welcomes@example.org",
    events: [],
  },
  {
    slug: "accueil-lyon",
    name: "Accueil Lyon",
    description:
      "A group in Lyon that learns together about community sponsorship, so that a few households can one day welcome a family. Everyone is welcome, in French or in English.",
    town: "Lyon",
    country: "FR",
    latitude: 45.76,
    longitude: 4.84,
    organiserName: "Accueil Lyon",
    organiserEmail: "accueil-lyon@example.org",
    events: [],
  },
];
