import type { CampaignStatus } from "../../../db/tables.ts";

export interface DemoCampaign {
  slug: string;
  status: CampaignStatus;
  featured: boolean;
  title: string;
  summary: string;
  demand: string;
  targetName: string;
  body: string;
  image: { url: string; alt: string; caption: string; credit: string; width: number; height: number };
}

const CREDIT = "Illustration made for the iwelcome demo";

export const CAMPAIGNS_EN: DemoCampaign[] = [
  {
    slug: "stop-returns-to-afghanistan",
    status: "open",
    featured: true,
    title: "Stop sending Afghan asylum seekers back to danger",
    summary:
      "Students across Norway stood by a classmate facing deportation to a country she had never lived in. Stand with them.",
    demand: "Stop returning Afghan asylum seekers to Afghanistan until they can go back in safety and dignity.",
    targetName: "The Norwegian government",
    image: {
      url: "/illustrations/open-doors.svg",
      alt: "Illustration: three yellow houses at night, each with its door open and light falling out onto the street",
      caption: "Welcome starts with an open door.",
      credit: CREDIT,
      width: 1200,
      height: 675,
    },
    body: `A young woman in Norway hoped to finish school and become a doctor. Instead she was told she would be sent to Afghanistan, a country she had never lived in.

Her classmates did not look away. Thousands of students across Norway stood by her and asked their government to think again.

2016 had been the deadliest year on record in Afghanistan at that time. Nobody should be sent back to a country at war. We ask the Norwegian government to stop these returns until people can go back safely and with dignity.`,
  },
  {
    slug: "safe-and-legal-routes",
    status: "open",
    featured: true,
    title: "Open safe and legal routes to protection",
    summary:
      "No one should have to risk their life to reach safety. Ask governments to offer real routes to protection.",
    demand:
      "Resettle the most vulnerable refugees, and open more safe and legal routes: community sponsorship, family reunification, study visas and medical visas.",
    targetName: "World leaders",
    image: {
      url: "/illustrations/doormat.svg",
      alt: "Illustration: a black doormat with the word WELCOME in yellow letters, lying between two doors",
      caption: "Activists once laid welcome doormats in front of the Dutch parliament in The Hague.",
      credit: CREDIT,
      width: 1200,
      height: 675,
    },
    body: `Most refugees live in developing regions, and a handful of countries host nearly all of them. The wealthiest nations can do far more.

Resettlement gives the people most at risk, such as survivors of torture and women at risk of abuse, a safe way to start again. Community sponsorship, family reunification, scholarships and medical visas open more doors.

Add your name and show world leaders that their citizens are ready to welcome.`,
  },
];
