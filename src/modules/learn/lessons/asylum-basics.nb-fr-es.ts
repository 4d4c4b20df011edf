import type { LessonText } from "./lesson.ts";

/** The demo lesson in Norwegian, French and Spanish, in the same order as the English. */
export const ASYLUM_BASICS_NB: LessonText = {
  title: "Retten til å søke asyl: det grunnleggende",
  summary:
    "Hvem som er flyktning, hva retten til å søke asyl betyr, og hvorfor ingen kan sendes tilbake til fare. Tre korte sider og en quiz.",
  pages: [
    {
      title: "Hvem er flyktning?",
      body: `En **flyktning** er en person som har flyktet fra sitt eget land fordi hun eller han har god grunn til å frykte forfølgelse der, på grunn av rase, religion, nasjonalitet, politisk oppfatning eller tilhørighet til en bestemt sosial gruppe, og som ikke kan regne med beskyttelse fra sitt eget land.

Dette er definisjonen i flyktningkonvensjonen fra 1951, avtalen de fleste land i verden har sluttet seg til.

En **asylsøker** er en person som har bedt et annet land om beskyttelse som flyktning og venter på svar. Alle flyktninger har først vært asylsøkere.`,
    },
    {
      title: "Retten til å søke asyl",
      body: `«Enhver har rett til i andre land å søke og nyte asyl mot forfølgelse.» Dette står i artikkel 14 i Verdenserklæringen om menneskerettigheter, vedtatt i 1948.

Å søke asyl er ikke en forbrytelse. Folk på flukt fra fare kan sjelden vente på pass eller visum, og flyktningkonvensjonen ber landene om ikke å straffe flyktninger for måten de kom på, når de kommer direkte fra fare og melder seg for myndighetene.`,
    },
    {
      title: "Ingen retur til fare",
      body: `Kjernen i flyktningvernet er **non-refoulement**: et land kan ikke sende en person tilbake til et sted der livet eller friheten hennes eller hans er truet. Prinsippet beskytter asylsøkere mens søknaden behandles, ikke bare dem som allerede er anerkjent som flyktninger.

Beskyttelse krever også en vei dit. Trygge og lovlige veier er blant annet:

- **gjenbosetting** av dem som er mest utsatt, som overlevende etter tortur og kvinner i fare for overgrep;
- **sponsing fra lokalsamfunn**, der folk tar imot en flyktningfamilie og hjelper den å finne seg til rette;
- **familiegjenforening**, **stipender og studievisum**, og **medisinske visum**.`,
    },
  ],
  quiz: [
    {
      question: "Hvilken tekst sa først at alle har rett til å søke asyl mot forfølgelse?",
      options: [
        "Verdenserklæringen om menneskerettigheter (1948)",
        "En lov vedtatt av hvert land for seg",
        "Ingen tekst sier det",
      ],
      answer: 0,
      explanation: "Artikkel 14 i Verdenserklæringen om menneskerettigheter, vedtatt i 1948, sier det.",
    },
    {
      question: "Hva kaller vi en person som har bedt om beskyttelse og venter på svar?",
      options: ["En turist", "En asylsøker", "En statsborger"],
      answer: 1,
      explanation: "En asylsøker har bedt om beskyttelse som flyktning; alle flyktninger har først vært asylsøkere.",
    },
    {
      question: "Hva betyr non-refoulement?",
      options: [
        "Flyktninger må bli i det første landet de kommer til",
        "Et land må ta imot alle som kommer",
        "Ingen kan sendes tilbake til et sted der livet eller friheten er truet",
      ],
      answer: 2,
      explanation:
        "Non-refoulement forbyr å sende noen tilbake til fare, og beskytter asylsøkere mens søknaden behandles.",
    },
    {
      question: "Hvilken av disse er en trygg og lovlig vei til beskyttelse?",
      options: ["Sponsing fra lokalsamfunn", "En menneskesmuglers båt", "Det finnes ingen"],
      answer: 0,
      explanation:
        "Med sponsing fra lokalsamfunn tar folk imot en flyktningfamilie og hjelper den å finne seg til rette: en av flere trygge og lovlige veier.",
    },
  ],
};

export const ASYLUM_BASICS_FR: LessonText = {
  title: "Le droit de demander l’asile : l’essentiel",
  summary:
    "Qui est réfugié, ce que signifie le droit de demander l’asile, et pourquoi personne ne peut être renvoyé vers le danger. Trois pages courtes et un quiz.",
  pages: [
    {
      title: "Qui est réfugié ?",
      body: `Un **réfugié** est une personne qui a fui son pays parce qu’elle a de bonnes raisons d’y craindre d’être persécutée, du fait de sa race, de sa religion, de sa nationalité, de ses opinions politiques ou de son appartenance à un certain groupe social, et qui ne peut pas compter sur la protection de son pays.

C’est la définition de la Convention relative au statut des réfugiés de 1951, le traité que la plupart des pays du monde ont signé.

Un **demandeur d’asile** est une personne qui a demandé à un autre pays de la protéger en tant que réfugié et qui attend la réponse. Tout réfugié a d’abord été demandeur d’asile.`,
    },
    {
      title: "Le droit de demander l’asile",
      body: `« Devant la persécution, toute personne a le droit de chercher asile et de bénéficier de l’asile en d’autres pays. » Ces mots figurent à l’article 14 de la Déclaration universelle des droits de l’homme, adoptée en 1948.

Demander l’asile n’est pas un délit. Les personnes qui fuient un danger ne peuvent souvent pas attendre un passeport ou un visa, et la Convention demande aux pays de ne pas punir les réfugiés pour la façon dont ils sont arrivés lorsqu’ils viennent directement du danger et se présentent aux autorités.`,
    },
    {
      title: "Pas de renvoi vers le danger",
      body: `Le cœur de la protection des réfugiés est le **non-refoulement** : un pays ne doit pas renvoyer une personne là où sa vie ou sa liberté serait menacée. Il protège les demandeurs d’asile pendant l’examen de leur demande, pas seulement les personnes déjà reconnues réfugiées.

Encore faut-il pouvoir atteindre cette protection. Parmi les voies sûres et légales :

- la **réinstallation** des personnes les plus en danger, comme les survivants de la torture et les femmes exposées à des violences ;
- le **parrainage communautaire**, où des habitants accueillent une famille réfugiée et l’aident à s’installer ;
- le **regroupement familial**, les **bourses et visas d’études**, et les **visas médicaux**.`,
    },
  ],
  quiz: [
    {
      question:
        "Quel texte a le premier affirmé que toute personne a le droit de chercher asile devant la persécution ?",
      options: [
        "La Déclaration universelle des droits de l’homme (1948)",
        "Une loi adoptée par chaque pays séparément",
        "Aucun texte ne le dit",
      ],
      answer: 0,
      explanation: "L’article 14 de la Déclaration universelle des droits de l’homme, adoptée en 1948, le dit.",
    },
    {
      question: "Comment appelle-t-on une personne qui a demandé une protection et attend la réponse ?",
      options: ["Un touriste", "Un demandeur d’asile", "Un citoyen"],
      answer: 1,
      explanation: "Un demandeur d’asile a demandé à être protégé en tant que réfugié ; tout réfugié l’a d’abord été.",
    },
    {
      question: "Que signifie le non-refoulement ?",
      options: [
        "Les réfugiés doivent rester dans le premier pays où ils arrivent",
        "Un pays doit accepter toute personne qui arrive",
        "Personne ne peut être renvoyé là où sa vie ou sa liberté est menacée",
      ],
      answer: 2,
      explanation:
        "Le non-refoulement interdit de renvoyer une personne vers le danger, et protège les demandeurs d’asile pendant l’examen de leur demande.",
    },
    {
      question: "Laquelle de ces voies est une voie sûre et légale vers la protection ?",
      options: ["Le parrainage communautaire", "Le bateau d’un passeur", "Il n’y en a aucune"],
      answer: 0,
      explanation:
        "Dans le parrainage communautaire, des habitants accueillent une famille réfugiée et l’aident à s’installer : une des voies sûres et légales.",
    },
  ],
};

export const ASYLUM_BASICS_ES: LessonText = {
  title: "El derecho a solicitar asilo: lo básico",
  summary:
    "Quién es una persona refugiada, qué significa el derecho a solicitar asilo y por qué nadie puede ser devuelto al peligro. Tres páginas breves y un cuestionario.",
  pages: [
    {
      title: "¿Quién es una persona refugiada?",
      body: `Una **persona refugiada** es alguien que ha huido de su país porque tiene motivos fundados para temer ser perseguida allí, por su raza, religión, nacionalidad, opiniones políticas o pertenencia a un determinado grupo social, y que no puede contar con la protección de su propio país.

Es la definición de la Convención sobre el Estatuto de los Refugiados de 1951, el tratado que han firmado la mayoría de los países del mundo.

Un **solicitante de asilo** es alguien que ha pedido a otro país protección como refugiado y espera la respuesta. Toda persona refugiada fue antes solicitante de asilo.`,
    },
    {
      title: "El derecho a solicitar asilo",
      body: `«En caso de persecución, toda persona tiene derecho a buscar asilo, y a disfrutar de él, en cualquier país.» Estas palabras están en el artículo 14 de la Declaración Universal de Derechos Humanos, adoptada en 1948.

Solicitar asilo no es un delito. Quien huye del peligro a menudo no puede esperar un pasaporte o un visado, y la Convención pide a los países que no castiguen a las personas refugiadas por la forma en que llegaron cuando vienen directamente del peligro y se presentan ante las autoridades.`,
    },
    {
      title: "Ninguna devolución al peligro",
      body: `El corazón de la protección de las personas refugiadas es la **no devolución** (*non-refoulement*): un país no debe enviar a nadie a un lugar donde su vida o su libertad estén amenazadas. Protege a los solicitantes de asilo mientras se decide su solicitud, no solo a quienes ya han sido reconocidos como refugiados.

La protección también necesita un camino para llegar a ella. Entre las vías seguras y legales están:

- el **reasentamiento** de las personas en mayor riesgo, como supervivientes de tortura y mujeres en riesgo de abusos;
- el **patrocinio comunitario**, en el que vecinos acogen a una familia refugiada y la ayudan a instalarse;
- la **reunificación familiar**, las **becas y visados de estudios**, y los **visados médicos**.`,
    },
  ],
  quiz: [
    {
      question:
        "¿Qué texto dijo por primera vez que toda persona tiene derecho a buscar asilo frente a la persecución?",
      options: [
        "La Declaración Universal de Derechos Humanos (1948)",
        "Una ley aprobada por cada país por separado",
        "Ningún texto lo dice",
      ],
      answer: 0,
      explanation: "Lo dice el artículo 14 de la Declaración Universal de Derechos Humanos, adoptada en 1948.",
    },
    {
      question: "¿Cómo se llama a quien ha pedido protección y espera la respuesta?",
      options: ["Un turista", "Un solicitante de asilo", "Un ciudadano"],
      answer: 1,
      explanation: "Un solicitante de asilo ha pedido protección como refugiado; toda persona refugiada lo fue antes.",
    },
    {
      question: "¿Qué significa la no devolución?",
      options: [
        "Las personas refugiadas deben quedarse en el primer país al que llegan",
        "Un país debe aceptar a todo el que llega",
        "Nadie puede ser devuelto a un lugar donde su vida o su libertad estén amenazadas",
      ],
      answer: 2,
      explanation:
        "La no devolución prohíbe enviar a una persona al peligro, y protege a los solicitantes de asilo mientras se decide su solicitud.",
    },
    {
      question: "¿Cuál de estas es una vía segura y legal hacia la protección?",
      options: ["El patrocinio comunitario", "La barca de un traficante", "No hay ninguna"],
      answer: 0,
      explanation:
        "En el patrocinio comunitario, vecinos acogen a una familia refugiada y la ayudan a instalarse: una de varias vías seguras y legales.",
    },
  ],
};
