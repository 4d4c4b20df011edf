/** The demo site's pages in English, written for the project. Campaigners replace them. */
export const PAGES_EN = [
  {
    slug: "home",
    title: "Refugees are welcome here",
    summary:
      "Governments are slow to act. Ordinary people are not. Join a movement of neighbours, students and families who make newcomers welcome.",
    body: `People forced to flee their homes need two things from the rest of us: a safe way to reach protection, and a warm welcome when they arrive.

We ask governments to open [safe and legal routes](/calling-for), and we show them, street by street, that their citizens are ready to welcome.`,
  },
  {
    slug: "calling-for",
    title: "What we are calling for",
    summary: "Safe and legal routes to protection, starting with the people most at risk.",
    body: `## Resettlement for those most at risk

Some refugees cannot wait: people who have survived torture, and women and girls at risk of abuse. We call on governments to resettle them, and to offer many more places than they do today.

## More safe and legal routes

Resettlement is one route among several. We call for:

- **community sponsorship**, so that local groups can welcome a refugee family and support them as they settle;
- **family reunification**, so that families separated by war can live together again;
- **academic scholarships and study visas** for refugee students;
- **medical visas** for people who need treatment they cannot get where they are.

## Sharing responsibility fairly

Most refugees live in developing regions. A handful of countries host nearly all of them, while many of the wealthiest nations do little. Every country can do its part.`,
  },
  {
    slug: "take-action",
    title: "Take action",
    summary: "Simple, concrete things you can do this week to make newcomers welcome.",
    body: `Change starts with ordinary people doing simple things.

- **Sign a petition.** Add your name to a [campaign](/campaigns) and share it with friends.
- **Speak up.** Tell the people around you why refugees' rights matter to you.
- **Join a community group** that supports newcomers where you live.
- **Sponsor a family.** In community sponsorship, a group of neighbours helps a refugee family find a home, learn the language and build a new life.
- **Learn** about the rights of refugees with our [free course](/learn).`,
  },
  {
    slug: "join",
    title: "Join the community",
    summary: "We'd love to stay in touch and tell you what you can do next.",
    body: `Thousands of people are already part of this movement. When you join, we write to you now and then with the next thing that makes a difference: a petition that needs signatures, an event near you, a story worth sharing.

We only write to you if you ask us to, and you can stop at any time with one click. Read how we look after your details in our [privacy notice](/privacy).`,
  },
  {
    slug: "learn",
    title: "Learn",
    summary: "Understand the rights of refugees and how you can defend them.",
    body: `## A free online course on the rights of refugees

Who is a refugee? What protection does international law give them, and what happens when governments fail to give it? The course answers these questions in short lessons you can take at your own pace, on any device.

## Why it matters

Knowing the facts is the best answer to fear and misinformation. Share what you learn with the people around you.`,
  },
  {
    slug: "privacy",
    title: "Privacy notice",
    summary: "What we keep about you, why, for how long, and your rights.",
    body: `Signing a petition for refugees or joining a welcome group can say something about your political opinions. We treat everything you give us with that in mind.

## What we collect

Only what a form asks for: usually your name, email address and country. We keep no record of your IP address; to stop abuse we keep a one-way code made from your network that cannot be turned back into the address.

## What we do with it

We count your signature and show your first name only if you ask us to. We email you about campaigns only if you tick the box that says so, and every such email has a one-click unsubscribe link.

## Your rights

You can ask for a copy of everything we hold about you, have it corrected, or have it erased. Write to us through the [contact page](/contact).`,
  },
  {
    slug: "accessibility",
    title: "Accessibility statement",
    summary: "This site is for everyone, whatever device, language or assistive technology they use.",
    body: `We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA on every page.

- Every page works with a keyboard alone and with screen readers.
- Every page works without JavaScript.
- Text can be enlarged to twice its size without loss of content.
- The site reads right to left in languages that are written that way.

If something on the site is hard for you to use, please tell us through the [contact page](/contact) and we will fix it.`,
  },
  {
    slug: "contact",
    title: "Contact us",
    summary: "Questions, corrections, data requests or press enquiries.",
    body: `Write to the team that runs this site at the address given by the organisation that hosts it.

For a copy or the erasure of your data, say so in your message; we answer within one month.`,
  },
] as const;
