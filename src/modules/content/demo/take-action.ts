/**
 * The take-action hub's items in the demo, in every language (written for the project),
 * and the page on community sponsorship they link to. Paths are written without a locale:
 * the page adds the reader's.
 */
interface DemoItem {
  link: string;
  words: Record<string, { title: string; text: string; label: string }>;
}

export const TAKE_ACTION_ITEMS: DemoItem[] = [
  {
    link: "/campaigns",
    words: {
      en: {
        title: "Sign a petition",
        text: "Add your name to a campaign asking a government to act, and share it with friends.",
        label: "See the campaigns",
      },
      nb: {
        title: "Skriv under et opprop",
        text: "Sett navnet ditt på en kampanje som ber myndighetene handle, og del den med venner.",
        label: "Se kampanjene",
      },
      fr: {
        title: "Signer une pétition",
        text: "Ajoutez votre nom à une campagne qui demande à un gouvernement d’agir, et partagez-la avec vos proches.",
        label: "Voir les campagnes",
      },
      es: {
        title: "Firma una petición",
        text: "Añade tu nombre a una campaña que pide a un gobierno que actúe y compártela con tus amistades.",
        label: "Ver las campañas",
      },
      ar: {
        title: "وقّع عريضة",
        text: "أضف اسمك إلى حملة تطالب حكومة بالتحرّك، وشاركها مع أصدقائك.",
        label: "اعرض الحملات",
      },
      fa: {
        title: "طوماری را امضا کنید",
        text: "نام خود را به کارزاری بیفزایید که از یک دولت می‌خواهد اقدام کند و آن را با دوستانتان به اشتراک بگذارید.",
        label: "دیدن کارزارها",
      },
    },
  },
  {
    link: "/join",
    words: {
      en: {
        title: "Join the community",
        text: "We write now and then with the next thing that makes a difference, and only if you ask us to.",
        label: "Join",
      },
      nb: {
        title: "Bli med i fellesskapet",
        text: "Vi skriver av og til om det neste som gjør en forskjell, og bare hvis du ber om det.",
        label: "Bli med",
      },
      fr: {
        title: "Rejoindre la communauté",
        text: "Nous vous écrivons de temps en temps pour vous dire ce qui peut faire la différence, et seulement si vous le demandez.",
        label: "Nous rejoindre",
      },
      es: {
        title: "Únete a la comunidad",
        text: "Te escribimos de vez en cuando con lo próximo que marca la diferencia, y solo si nos lo pides.",
        label: "Unirme",
      },
      ar: { title: "انضم إلى المجتمع", text: "نراسلك بين حين وآخر بما يُحدث فرقًا، وفقط إذا طلبت ذلك.", label: "انضم" },
      fa: {
        title: "به جامعه بپیوندید",
        text: "گاه‌به‌گاه دربارهٔ کار بعدی که تفاوتی می‌سازد برایتان می‌نویسیم، و فقط اگر خودتان بخواهید.",
        label: "پیوستن",
      },
    },
  },
  {
    link: "/groups",
    words: {
      en: {
        title: "Find a local group",
        text: "Neighbours who support newcomers where they live: language cafés, football, help with paperwork.",
        label: "Find a group",
      },
      nb: {
        title: "Finn en lokal gruppe",
        text: "Naboer som støtter nykommere der de bor: språkkafeer, fotball, hjelp med skjemaer.",
        label: "Finn en gruppe",
      },
      fr: {
        title: "Trouver un groupe local",
        text: "Des voisins qui soutiennent les nouveaux arrivants près de chez eux : cafés de langue, football, aide aux démarches.",
        label: "Trouver un groupe",
      },
      es: {
        title: "Encuentra un grupo local",
        text: "Vecinos que apoyan a quienes acaban de llegar: cafés de idiomas, fútbol, ayuda con los trámites.",
        label: "Encontrar un grupo",
      },
      ar: {
        title: "اعثر على مجموعة محلية",
        text: "جيران يدعمون القادمين الجدد حيث يعيشون: مقاهٍ لتعلّم اللغة، كرة قدم، مساعدة في الأوراق.",
        label: "اعثر على مجموعة",
      },
      fa: {
        title: "گروهی محلی پیدا کنید",
        text: "همسایگانی که در محل زندگی‌شان از تازه‌واردان پشتیبانی می‌کنند: کافه‌های زبان، فوتبال، کمک در کارهای اداری.",
        label: "یافتن گروه",
      },
    },
  },
  {
    link: "/groups/new",
    words: {
      en: {
        title: "Start a group",
        text: "No group near you? Start one with a few friends; we help you find people who want to join.",
        label: "Start a group",
      },
      nb: {
        title: "Start en gruppe",
        text: "Ingen gruppe i nærheten? Start en med noen venner; vi hjelper deg å finne folk som vil være med.",
        label: "Start en gruppe",
      },
      fr: {
        title: "Créer un groupe",
        text: "Pas de groupe près de chez vous ? Créez-en un avec quelques amis ; nous vous aidons à trouver des personnes qui veulent participer.",
        label: "Créer un groupe",
      },
      es: {
        title: "Crea un grupo",
        text: "¿No hay ningún grupo cerca? Crea uno con unas cuantas amistades; te ayudamos a encontrar gente que quiera unirse.",
        label: "Crear un grupo",
      },
      ar: {
        title: "أنشئ مجموعة",
        text: "لا توجد مجموعة قريبة منك؟ أنشئ واحدة مع بعض الأصدقاء؛ نساعدك في إيجاد من يريد الانضمام.",
        label: "أنشئ مجموعة",
      },
      fa: {
        title: "گروهی راه بیندازید",
        text: "گروهی نزدیک شما نیست؟ با چند دوست یکی راه بیندازید؛ کمکتان می‌کنیم کسانی را که می‌خواهند بپیوندند پیدا کنید.",
        label: "راه‌اندازی گروه",
      },
    },
  },
  {
    link: "/events",
    words: {
      en: {
        title: "Come to an event",
        text: "A shared meal, a welcome walk, an evening of talks: near you or online.",
        label: "See the events",
      },
      nb: {
        title: "Kom på et arrangement",
        text: "Et felles måltid, en velkomsttur, en kveld med foredrag: der du bor eller på nett.",
        label: "Se arrangementene",
      },
      fr: {
        title: "Venir à un événement",
        text: "Un repas partagé, une balade d’accueil, une soirée de débats : près de chez vous ou en ligne.",
        label: "Voir les événements",
      },
      es: {
        title: "Ven a un evento",
        text: "Una comida compartida, un paseo de bienvenida, una tarde de charlas: cerca de ti o en línea.",
        label: "Ver los eventos",
      },
      ar: {
        title: "احضر فعالية",
        text: "وجبة مشتركة، أو جولة ترحيب، أو أمسية نقاش: قربك أو عبر الإنترنت.",
        label: "اعرض الفعاليات",
      },
      fa: {
        title: "در رویدادی شرکت کنید",
        text: "یک وعدهٔ غذای مشترک، یک پیاده‌روی خوشامد، شبی از گفت‌وگو: نزدیک شما یا برخط.",
        label: "دیدن رویدادها",
      },
    },
  },
  {
    link: "/events/new",
    words: {
      en: {
        title: "Host an event",
        text: "Invite people to meet newcomers. A moderator reads your event before it is published.",
        label: "Host an event",
      },
      nb: {
        title: "Arranger noe",
        text: "Inviter folk til å møte nykommere. En moderator leser arrangementet før det publiseres.",
        label: "Arranger noe",
      },
      fr: {
        title: "Organiser un événement",
        text: "Invitez des gens à rencontrer des nouveaux arrivants. Un modérateur lit votre événement avant sa publication.",
        label: "Organiser un événement",
      },
      es: {
        title: "Organiza un evento",
        text: "Invita a la gente a conocer a quienes acaban de llegar. Un moderador lee tu evento antes de publicarlo.",
        label: "Organizar un evento",
      },
      ar: {
        title: "نظّم فعالية",
        text: "ادعُ الناس إلى لقاء القادمين الجدد. يقرأ مشرفٌ فعاليتك قبل نشرها.",
        label: "نظّم فعالية",
      },
      fa: {
        title: "رویدادی برگزار کنید",
        text: "مردم را به دیدار با تازه‌واردان دعوت کنید. یک ناظر رویداد شما را پیش از انتشار می‌خواند.",
        label: "برگزاری رویداد",
      },
    },
  },
  {
    link: "/pages/community-sponsorship",
    words: {
      en: {
        title: "Sponsor a family",
        text: "In community sponsorship, a group of neighbours welcomes a refugee family: a home, the language, a new start.",
        label: "What it involves",
      },
      nb: {
        title: "Bli sponsor for en familie",
        text: "Med sponsing fra lokalsamfunn tar en gruppe naboer imot en flyktningfamilie: et hjem, språket, en ny start.",
        label: "Hva det innebærer",
      },
      fr: {
        title: "Parrainer une famille",
        text: "Dans le parrainage communautaire, un groupe de voisins accueille une famille réfugiée : un logement, la langue, un nouveau départ.",
        label: "Ce que cela implique",
      },
      es: {
        title: "Patrocina a una familia",
        text: "En el patrocinio comunitario, un grupo de vecinos acoge a una familia refugiada: un hogar, el idioma, un nuevo comienzo.",
        label: "En qué consiste",
      },
      ar: {
        title: "اكفل عائلة",
        text: "في الكفالة المجتمعية تستقبل مجموعة من الجيران عائلة لاجئة: بيت، ولغة، وبداية جديدة.",
        label: "ما الذي يتضمّنه",
      },
      fa: {
        title: "حامی یک خانواده شوید",
        text: "در حمایت اجتماعی، گروهی از همسایگان از یک خانوادهٔ پناهنده استقبال می‌کنند: خانه، زبان، آغازی تازه.",
        label: "چه چیزی در بر دارد",
      },
    },
  },
  {
    link: "/stories/new",
    words: {
      en: {
        title: "Share your story",
        text: "Tell how you made someone new feel at home, and encourage others to do the same.",
        label: "Share a story",
      },
      nb: {
        title: "Del historien din",
        text: "Fortell hvordan du fikk en nykommer til å føle seg hjemme, og inspirer andre til å gjøre det samme.",
        label: "Del en historie",
      },
      fr: {
        title: "Partager votre témoignage",
        text: "Racontez comment vous avez aidé une personne nouvellement arrivée à se sentir chez elle, et donnez envie aux autres d’en faire autant.",
        label: "Partager un témoignage",
      },
      es: {
        title: "Comparte tu historia",
        text: "Cuenta cómo hiciste que alguien recién llegado se sintiera en casa y anima a otras personas a hacer lo mismo.",
        label: "Compartir una historia",
      },
      ar: {
        title: "شارك قصتك",
        text: "احكِ كيف جعلت قادمًا جديدًا يشعر وكأنه في بيته، وشجّع الآخرين على فعل الشيء نفسه.",
        label: "شارك قصة",
      },
      fa: {
        title: "داستانتان را بگویید",
        text: "بگویید چگونه به یک تازه‌وارد حس در خانه بودن دادید و دیگران را هم به همین کار تشویق کنید.",
        label: "گفتن داستان",
      },
    },
  },
  {
    link: "/learn/asylum-basics",
    words: {
      en: {
        title: "Take the course",
        text: "Learn the basics of the right to seek asylum in three short pages and a quiz.",
        label: "Start the lesson",
      },
      nb: {
        title: "Ta kurset",
        text: "Lær det grunnleggende om retten til å søke asyl på tre korte sider og en quiz.",
        label: "Start leksjonen",
      },
      fr: {
        title: "Suivre le cours",
        text: "Apprenez l’essentiel du droit de demander l’asile en trois pages courtes et un quiz.",
        label: "Commencer la leçon",
      },
      es: {
        title: "Haz el curso",
        text: "Aprende lo básico del derecho a solicitar asilo en tres páginas breves y un cuestionario.",
        label: "Empezar la lección",
      },
      ar: {
        title: "خُض الدورة",
        text: "تعلّم أساسيات الحق في طلب اللجوء في ثلاث صفحات قصيرة واختبار.",
        label: "ابدأ الدرس",
      },
      fa: {
        title: "در دوره شرکت کنید",
        text: "اصول حق درخواست پناهندگی را در سه صفحهٔ کوتاه و یک آزمونک بیاموزید.",
        label: "آغاز درس",
      },
    },
  },
];

/** Courses and reading elsewhere, listed on /learn. */
export const LEARN_RESOURCES = [
  {
    title: "The Universal Declaration of Human Rights",
    description:
      "The 1948 declaration whose Article 14 says that everyone has the right to seek and enjoy asylum from persecution in other countries.",
    url: "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
    language: "en",
  },
  {
    title: "الإعلان العالمي لحقوق الإنسان",
    description:
      "إعلان عام 1948، وتنص مادته الرابعة عشرة على أن لكل فرد الحق في أن يلتمس في بلدان أخرى ملجأً يحميه من الاضطهاد.",
    url: "https://www.un.org/ar/about-us/universal-declaration-of-human-rights",
    language: "ar",
  },
  {
    title: "UNHCR, the UN Refugee Agency",
    description:
      "The agency that protects refugees worldwide: what the 1951 Refugee Convention says, figures, and how asylum works.",
    url: "https://www.unhcr.org/",
    language: "en",
  },
];

/** What community sponsorship involves and where to start; a content page at /pages/community-sponsorship. */
export const SPONSORSHIP_PAGE_EN = {
  slug: "community-sponsorship",
  title: "Community sponsorship",
  summary: "A group of neighbours welcomes a refugee family and helps them build a new life.",
  body: `In **community sponsorship**, ordinary people take on part of what a government does when it resettles a refugee family: they find them a home, welcome them when they arrive, and stand by them while they settle. It is one of the safe and legal routes we call for.

## What it involves

- **A group**: usually five to ten people who will share the work for a year or more.
- **A home**: somewhere the family can live, at a rent they can afford.
- **Time**: meeting the family at the airport, helping with the language, school, doctors and paperwork, and being a friend.
- **Money**: groups usually raise a sum to cover the first months.

## Where to start

1. Talk to friends, a faith group, a school or a club: most groups grow from people who already know each other.
2. Find out whether your country has a community sponsorship programme, and what it asks of a group.
3. [Find a local group](/groups) that already supports newcomers, or [start one](/groups/new).
4. [Join the community](/join) to hear when there is news about sponsorship where you live.`,
};
