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
    body: `Change starts with ordinary people doing simple things.`,
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
    body: `Signing a petition for refugees or joining a welcome group can say something about your political opinions. We treat everything you give us with that in mind, and keep as little as we can for as short a time as we can.

## What we keep

- **When you sign a petition:** your name, email address and country, and your postcode and comment if you give them. We show your first name and country among recent signatures only if you tick the box that asks for it. Nobody else ever sees your email address. If you tick the separate box to show your comment, a moderator reads it first; once approved and your signature confirmed, it is shown on the petition's page with your first name, country and the date, never your full name or email. You are told by email whether it was shown or not, and why.
- **When you join the community:** your name, email address, country, the language you want us to write in, and the topics you chose.
- **Where you came from:** the campaign link or the website that brought you to a petition, so that we know which ways of sharing work.
- **When you reply to an event:** your name and email address, whether you asked for a reminder, and whether you have a place or are on the waitlist. The public sees only how many places are left; our staff see who is coming. The exact address or joining link is sent only to you, once you confirm. **When you host an event:** your name and email address, and your name as you chose to show it on the event.
- **When you join a local group:** your name and email address, and whether you ticked the separate box to share them with the group’s organiser. Only if you tick it and confirm does the organiser see your name and email; otherwise they see only how many members there are. Each email about the group has a link to leave it. **When you write to a group:** your message goes to the organiser by email with your name and email address so they can reply; we do not keep it once it is sent, and the organiser’s address is never shown to you. **When you start a group:** your name and email address; the public sees the group’s name, description, town and country, never you.
- **Your network:** we never keep your IP address. To stop floods of fake signatures we keep a one-way code made from your network with a key that changes every day, so that codes from different days cannot be linked; it is deleted after 30 days. At the moment you sign, your address is also compared with the network ranges we have blocked or allowed, then forgotten. To stop one email address being sent to a petition again and again, we count for an hour how often it was, under a one-way code, never the address itself. A signature that looks automated (sent faster than a person could type, or with a hidden field filled in) or that comes from a blocked email domain or network is set aside and not counted; unless our staff release it, it is deleted after 30 days.
- **When you share a story:** your name and email address, your story, and the photo if you add one. We show your full name, your first name or no name, as you choose; never your email address. A moderator reads every story first, and we email you the decision. We strip everything hidden in a photo, including where it was taken.

## What we do with it

We count your signature once you confirm it from the email we send you. We email you about campaigns only if you tick the box that says so and confirm it, and we keep a record of what you agreed to, in which words, and when. Every such email has a link that unsubscribes you with one click. Your signatures still count after you unsubscribe.

## How long we keep it

- A signature or a request to join that is never confirmed is deleted after 30 days.
- A reply to an event is deleted 12 months after the event (30 days after you sent it if you never confirm it).
- A request to join a group that is never confirmed is deleted after 30 days. If you erase your data, your memberships go; a group you organised is taken off the site until someone else runs it.
- Six months after a petition closes, the names and details of its signers are erased; only the number of signatures by country remains.
- Your details as a member stay until you ask us to erase them.
- A record of each email we send you (its subject and when it went, never what it said) is kept for 90 days.
- If an email to you bounces, or you mark one as spam, we keep a one-way code of your address (never the address itself) so that we send nothing more to it, until you ask us to remove it.
- Our backups are deleted after 30 days, so anything erased from the site is gone from them too within 30 days.
- A story that is not published is deleted 30 days after the decision. A published story stays until you ask us to erase your data: then it is deleted, with its photo.

## Your rights

- **Change your preferences** (language, topics, emails) on the [preferences page](/preferences): we email you a link, no password needed.
- **See everything we hold about you**, download it as a file, or **have it erased** on the [your data page](/your-data). When you erase your data, we remove every personal detail everywhere we keep it, and send you one last email to say it is done.
- For anything else, write to us through the [contact page](/contact).`,
  },
  {
    slug: "accessibility",
    title: "Accessibility statement",
    summary: "This site is for everyone, whatever device, language or assistive technology they use.",
    body: `We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA on every page, in every language the site speaks.

## What we test, and how

Every change to the site runs automated tests in a real browser (Chromium):

- **axe-core** checks every public page for WCAG 2.2 A and AA failures, in English and in Arabic, with empty forms, with forms showing errors, and after signing a petition.
- **Keyboard only:** a test signs a petition using nothing but the keyboard, in English and in Arabic, and checks at every step that the focus can be seen.
- **Small screens and zoom:** every page is checked at 320 pixels wide and at 200% zoom, with nothing that needs scrolling sideways.
- **Without JavaScript:** every page and every form works with JavaScript turned off.
- **Right to left:** Arabic and Persian pages are laid out right to left, and we look at screenshots of them, not only at test results.

Forms say what is wrong in a list at the top that takes the focus and links to each field. Changes to a petition's count are announced to screen readers now and then, without moving the focus.

## What we know is not perfect yet

Automated tests find many problems but not all. We have not yet had the site tested by people who use screen readers and voice control every day; we want to, and we will publish what they find.

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
