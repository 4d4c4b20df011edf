/** The topics of the demo's campaigns, named in every language the site speaks. */
export const DEMO_TOPICS: { slug: string; names: Record<string, string> }[] = [
  {
    slug: "resettlement",
    names: {
      en: "Resettlement of the most vulnerable",
      nb: "Gjenbosetting av de mest sårbare",
      fr: "Réinstallation des plus vulnérables",
      es: "Reasentamiento de las personas más vulnerables",
      ar: "إعادة توطين الأكثر ضعفًا",
      fa: "اسکان مجدد آسیب‌پذیرترین‌ها",
    },
  },
  {
    slug: "safe-routes",
    names: {
      en: "Safe and legal routes",
      nb: "Trygge og lovlige veier",
      fr: "Voies sûres et légales",
      es: "Vías seguras y legales",
      ar: "طرق آمنة وقانونية",
      fa: "راه‌های امن و قانونی",
    },
  },
  {
    slug: "local-welcome",
    names: {
      en: "Welcoming newcomers where I live",
      nb: "Å ta imot nykommere der jeg bor",
      fr: "Accueillir les nouveaux arrivants près de chez moi",
      es: "Acoger a quienes llegan donde vivo",
      ar: "الترحيب بالقادمين الجدد حيث أعيش",
      fa: "خوش‌آمدگویی به تازه‌واردان در جایی که زندگی می‌کنم",
    },
  },
  {
    slug: "refugee-rights",
    names: {
      en: "Refugees' rights",
      nb: "Flyktningers rettigheter",
      fr: "Droits des personnes réfugiées",
      es: "Derechos de las personas refugiadas",
      ar: "حقوق اللاجئين",
      fa: "حقوق پناهندگان",
    },
  },
];
