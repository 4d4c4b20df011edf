import { ASYLUM_BASICS_AR, ASYLUM_BASICS_FA } from "./asylum-basics.ar-fa.ts";
import { ASYLUM_BASICS_ES, ASYLUM_BASICS_FR, ASYLUM_BASICS_NB } from "./asylum-basics.nb-fr-es.ts";
import type { Lesson } from "./lesson.ts";

/** The demo lesson, written for the project: English here, the other languages beside it. */
export const ASYLUM_BASICS: Lesson = {
  slug: "asylum-basics",
  text: {
    en: {
      title: "The right to seek asylum: the basics",
      summary:
        "Who is a refugee, what the right to seek asylum means, and why nobody may be sent back to danger. Three short pages and a quiz.",
      pages: [
        {
          title: "Who is a refugee?",
          body: `A **refugee** is someone who has fled their own country because they have good reason to fear persecution there, for their race, religion, nationality, political opinion or membership of a particular social group, and who cannot count on their own country to protect them.

This is the definition of the 1951 Refugee Convention, the treaty most countries in the world have signed.

An **asylum seeker** is someone who has asked another country for protection as a refugee and is waiting for the answer. Every refugee was an asylum seeker first.`,
        },
        {
          title: "The right to seek asylum",
          body: `"Everyone has the right to seek and to enjoy in other countries asylum from persecution." These words are in Article 14 of the Universal Declaration of Human Rights, adopted in 1948.

Seeking asylum is not a crime. People fleeing danger often cannot wait for a passport or a visa, and the Refugee Convention asks countries not to punish refugees for how they arrived when they come directly from danger and present themselves to the authorities.`,
        },
        {
          title: "No return to danger",
          body: `The heart of refugee protection is **non-refoulement**: a country must not send a person back to a place where their life or freedom would be threatened. It protects asylum seekers while their claim is being decided, not only people already recognised as refugees.

Protection also needs a way to reach it. Safe and legal routes include:

- **resettlement** of the people most at risk, such as survivors of torture and women at risk of abuse;
- **community sponsorship**, where local people welcome a refugee family and help them settle;
- **family reunification**, **scholarships and study visas**, and **medical visas**.`,
        },
      ],
      quiz: [
        {
          question: "Which text first said that everyone has the right to seek asylum from persecution?",
          options: [
            "The Universal Declaration of Human Rights (1948)",
            "A law passed by each country separately",
            "No text says so",
          ],
          answer: 0,
          explanation: "Article 14 of the Universal Declaration of Human Rights, adopted in 1948, says it.",
        },
        {
          question: "What do we call someone who has asked for protection and is waiting for the answer?",
          options: ["A tourist", "An asylum seeker", "A citizen"],
          answer: 1,
          explanation: "An asylum seeker has asked for protection as a refugee; every refugee was one first.",
        },
        {
          question: "What does non-refoulement mean?",
          options: [
            "Refugees must stay in the first country they reach",
            "A country must accept everyone who arrives",
            "Nobody may be sent back to a place where their life or freedom is threatened",
          ],
          answer: 2,
          explanation:
            "Non-refoulement forbids returning a person to danger, and protects asylum seekers while their claim is decided.",
        },
        {
          question: "Which of these is a safe and legal route to protection?",
          options: ["Community sponsorship", "A smuggler's boat", "There is none"],
          answer: 0,
          explanation:
            "In community sponsorship, local people welcome a refugee family and help them settle: one of several safe and legal routes.",
        },
      ],
    },
    nb: ASYLUM_BASICS_NB,
    fr: ASYLUM_BASICS_FR,
    es: ASYLUM_BASICS_ES,
    ar: ASYLUM_BASICS_AR,
    fa: ASYLUM_BASICS_FA,
  },
};
