/**
 * The page on community sponsorship (/pages/community-sponsorship) in the languages other
 * than English (take-action.ts has the English), written for the project.
 */
export const SPONSORSHIP_PAGE_TRANSLATIONS: Record<string, { title: string; summary: string; body: string }> = {
  nb: {
    title: "Sponsing fra lokalsamfunn",
    summary: "En gruppe naboer tar imot en flyktningfamilie og hjelper den å bygge et nytt liv.",
    body: `Med **sponsing fra lokalsamfunn** tar vanlige folk på seg en del av det myndighetene gjør når de gjenbosetter en flyktningfamilie: de finner et hjem, tar imot familien når den kommer, og står ved dens side mens den finner seg til rette. Det er en av de trygge og lovlige veiene vi krever.

## Hva det innebærer

- **En gruppe**: gjerne fem til ti personer som deler på arbeidet i et år eller mer.
- **Et hjem**: et sted familien kan bo, til en leie den har råd til.
- **Tid**: hente familien på flyplassen, hjelpe med språket, skole, lege og skjemaer, og være en venn.
- **Penger**: grupper samler gjerne inn et beløp som dekker de første månedene.

## Slik kommer du i gang

1. Snakk med venner, et trossamfunn, en skole eller en klubb: de fleste grupper vokser fram blant folk som allerede kjenner hverandre.
2. Finn ut om landet ditt har en ordning for sponsing fra lokalsamfunn, og hva den krever av en gruppe.
3. [Finn en lokal gruppe](/groups) som allerede støtter nykommere, eller [start en](/groups/new).
4. [Bli med i fellesskapet](/join) for å høre når det er nytt om sponsing der du bor.`,
  },
  fr: {
    title: "Le parrainage communautaire",
    summary: "Un groupe de voisins accueille une famille réfugiée et l’aide à construire une nouvelle vie.",
    body: `Dans le **parrainage communautaire**, des gens ordinaires prennent en charge une partie de ce que fait un gouvernement quand il réinstalle une famille réfugiée : ils lui trouvent un logement, l’accueillent à son arrivée et l’accompagnent pendant qu’elle s’installe. C’est l’une des voies sûres et légales que nous demandons.

## Ce que cela implique

- **Un groupe** : souvent cinq à dix personnes qui se partagent le travail pendant un an ou plus.
- **Un logement** : un endroit où la famille peut vivre, pour un loyer qu’elle peut payer.
- **Du temps** : accueillir la famille à l’aéroport, aider pour la langue, l’école, les médecins et les démarches, et être un ami.
- **De l’argent** : les groupes réunissent en général une somme qui couvre les premiers mois.

## Par où commencer

1. Parlez-en à des amis, à une communauté religieuse, une école ou un club : la plupart des groupes naissent entre personnes qui se connaissent déjà.
2. Renseignez-vous : votre pays a-t-il un programme de parrainage communautaire, et qu’exige-t-il d’un groupe ?
3. [Trouvez un groupe local](/groups) qui soutient déjà des nouveaux arrivants, ou [créez-en un](/groups/new).
4. [Rejoignez la communauté](/join) pour être informé des nouvelles sur le parrainage près de chez vous.`,
  },
  es: {
    title: "El patrocinio comunitario",
    summary: "Un grupo de vecinos acoge a una familia refugiada y la ayuda a construir una vida nueva.",
    body: `En el **patrocinio comunitario**, personas corrientes asumen parte de lo que hace un gobierno cuando reasienta a una familia refugiada: le buscan un hogar, la reciben cuando llega y la acompañan mientras se instala. Es una de las vías seguras y legales que pedimos.

## En qué consiste

- **Un grupo**: normalmente de cinco a diez personas que se reparten el trabajo durante un año o más.
- **Un hogar**: un lugar donde la familia pueda vivir, con un alquiler que pueda pagar.
- **Tiempo**: recibir a la familia en el aeropuerto, ayudar con el idioma, la escuela, los médicos y los trámites, y ser una amistad.
- **Dinero**: los grupos suelen reunir una suma que cubre los primeros meses.

## Por dónde empezar

1. Habla con amistades, una comunidad religiosa, una escuela o un club: la mayoría de los grupos nacen entre personas que ya se conocen.
2. Averigua si tu país tiene un programa de patrocinio comunitario y qué pide a un grupo.
3. [Encuentra un grupo local](/groups) que ya apoye a quienes llegan, o [crea uno](/groups/new).
4. [Únete a la comunidad](/join) para enterarte de las novedades sobre patrocinio donde vives.`,
  },
  ar: {
    title: "الكفالة المجتمعية",
    summary: "مجموعة من الجيران تستقبل عائلة لاجئة وتساعدها على بناء حياة جديدة.",
    body: `في **الكفالة المجتمعية** يتولّى أناس عاديون جزءًا مما تفعله الحكومة حين تعيد توطين عائلة لاجئة: يجدون لها بيتًا، ويستقبلونها عند وصولها، ويقفون إلى جانبها وهي تستقر. إنها أحد الطرق الآمنة والقانونية التي نطالب بها.

## ما الذي يتضمّنه

- **مجموعة**: عادة من خمسة إلى عشرة أشخاص يتقاسمون العمل لمدة سنة أو أكثر.
- **بيت**: مكان تعيش فيه العائلة بإيجار تقدر عليه.
- **وقت**: استقبال العائلة في المطار، والمساعدة في اللغة والمدرسة والأطباء والأوراق، وأن تكون صديقًا لها.
- **مال**: تجمع المجموعات عادة مبلغًا يغطي الأشهر الأولى.

## من أين تبدأ

1. تحدّث مع أصدقائك أو جماعة دينية أو مدرسة أو نادٍ: معظم المجموعات تنشأ بين أناس يعرف بعضهم بعضًا.
2. اعرف إن كان في بلدك برنامج للكفالة المجتمعية، وماذا يطلب من المجموعة.
3. [اعثر على مجموعة محلية](/groups) تدعم القادمين الجدد، أو [أنشئ واحدة](/groups/new).
4. [انضم إلى المجتمع](/join) لتعرف أخبار الكفالة حيث تعيش.`,
  },
  fa: {
    title: "حمایت اجتماعی",
    summary: "گروهی از همسایگان از یک خانوادهٔ پناهنده استقبال می‌کنند و به ساختن زندگی تازه‌اش کمک می‌کنند.",
    body: `در **حمایت اجتماعی**، مردم عادی بخشی از کاری را که دولت هنگام اسکان مجدد یک خانوادهٔ پناهنده انجام می‌دهد بر عهده می‌گیرند: برایش خانه پیدا می‌کنند، هنگام رسیدن به استقبالش می‌روند و در مدت استقرار در کنارش می‌مانند. این یکی از راه‌های امن و قانونی است که خواستار آنیم.

## چه چیزی در بر دارد

- **یک گروه**: معمولاً پنج تا ده نفر که کار را یک سال یا بیشتر میان خود تقسیم می‌کنند.
- **یک خانه**: جایی که خانواده بتواند با اجاره‌ای در توانش در آن زندگی کند.
- **وقت**: استقبال از خانواده در فرودگاه، کمک در زبان، مدرسه، پزشک و کارهای اداری، و دوست بودن.
- **پول**: گروه‌ها معمولاً مبلغی گرد می‌آورند که هزینهٔ ماه‌های نخست را بپوشاند.

## از کجا شروع کنیم

1. با دوستان، یک جمع مذهبی، مدرسه یا باشگاه صحبت کنید: بیشتر گروه‌ها میان کسانی شکل می‌گیرند که از پیش یکدیگر را می‌شناسند.
2. ببینید آیا کشورتان برنامهٔ حمایت اجتماعی دارد و از یک گروه چه می‌خواهد.
3. [گروهی محلی پیدا کنید](/groups) که از تازه‌واردان پشتیبانی می‌کند، یا [یکی راه بیندازید](/groups/new).
4. [به جامعه بپیوندید](/join) تا از خبرهای حمایت اجتماعی در محل زندگی‌تان آگاه شوید.`,
  },
};
