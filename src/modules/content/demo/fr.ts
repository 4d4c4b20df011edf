import type { DemoTranslation } from "./types.ts";

/** The demo content in French, in the same order as the English (pages.en.ts, figures.en.ts, campaigns.en.ts). */
export const DEMO_FR: DemoTranslation = {
  pages: [
    {
      slug: "home",
      title: "Ici, les personnes réfugiées sont les bienvenues",
      summary:
        "Les gouvernements tardent à agir. Les simples citoyens, eux, n’attendent pas. Rejoignez un mouvement de voisins, d’étudiants et de familles qui font bon accueil aux nouveaux arrivants.",
      body: `Les personnes contraintes de fuir leur foyer ont besoin de deux choses de notre part : un moyen sûr de trouver une protection, et un accueil chaleureux à leur arrivée.

Nous demandons aux gouvernements d’ouvrir des [voies d’accès sûres et légales](/calling-for), et nous leur montrons, rue après rue, que leurs citoyens sont prêts à accueillir.`,
    },
    {
      slug: "calling-for",
      title: "Nos revendications",
      summary: "Des voies sûres et légales vers la protection, à commencer par les personnes les plus menacées.",
      body: `## La réinstallation pour les personnes les plus menacées

Certaines personnes réfugiées ne peuvent pas attendre : celles qui ont survécu à la torture, et les femmes et les filles exposées à des violences. Nous appelons les gouvernements à les réinstaller, et à offrir bien plus de places qu’aujourd’hui.

## Davantage de voies sûres et légales

La réinstallation n’est qu’une voie parmi d’autres. Nous demandons :

- **le parrainage communautaire**, pour que des groupes locaux puissent accueillir une famille réfugiée et l’accompagner dans son installation ;
- **la réunification familiale**, pour que les familles séparées par la guerre puissent de nouveau vivre ensemble ;
- **des bourses d’études et des visas étudiants** pour les étudiants réfugiés ;
- **des visas médicaux** pour les personnes qui ont besoin de soins qu’elles ne peuvent pas recevoir là où elles se trouvent.

## Partager équitablement la responsabilité

La plupart des personnes réfugiées vivent dans des régions en développement. Une poignée de pays en accueillent la quasi-totalité, tandis que bon nombre des pays les plus riches en font bien peu. Chaque pays peut prendre sa part.`,
    },
    {
      slug: "take-action",
      title: "Agir",
      summary:
        "Des gestes simples et concrets, à faire dès cette semaine, pour bien accueillir les nouveaux arrivants.",
      body: `Le changement commence par des gens ordinaires qui font des choses simples.`,
    },
    {
      slug: "join",
      title: "Rejoignez la communauté",
      summary: "Nous aimerions rester en contact avec vous et vous dire comment agir ensuite.",
      body: `Des milliers de personnes font déjà partie de ce mouvement. Quand vous nous rejoignez, nous vous écrivons de temps en temps pour vous proposer la prochaine action qui fait la différence : une pétition qui a besoin de signatures, un événement près de chez vous, une histoire qui mérite d’être partagée.

Nous ne vous écrivons que si vous nous le demandez, et vous pouvez arrêter à tout moment, en un clic. Découvrez comment nous protégeons vos données dans notre [politique de confidentialité](/privacy).`,
    },
    {
      slug: "learn",
      title: "S’informer",
      summary: "Comprendre les droits des personnes réfugiées et savoir comment les défendre.",
      body: `## Un cours en ligne gratuit sur les droits des personnes réfugiées

Qui est réfugié ? Quelle protection le droit international accorde-t-il aux personnes réfugiées, et que se passe-t-il quand les gouvernements manquent à ce devoir ? Le cours répond à ces questions en courtes leçons, à suivre à votre rythme, sur n’importe quel appareil.

## Pourquoi c’est important

Connaître les faits, c’est la meilleure réponse à la peur et à la désinformation. Partagez ce que vous apprenez avec votre entourage.`,
    },
    {
      slug: "privacy",
      title: "Politique de confidentialité",
      summary: "Ce que nous conservons à votre sujet, pourquoi, pendant combien de temps, et quels sont vos droits.",
      body: `Signer une pétition pour les personnes réfugiées ou rejoindre un groupe d’accueil peut révéler quelque chose de vos opinions politiques. Nous traitons tout ce que vous nous confiez en gardant cela à l’esprit, et nous conservons le moins de données possible, le moins longtemps possible.

## Ce que nous conservons

- **Quand vous signez une pétition :** votre nom, votre adresse e-mail et votre pays, ainsi que votre code postal et votre commentaire si vous les indiquez. Nous n’affichons votre prénom et votre pays parmi les dernières signatures que si vous cochez la case qui le propose. Personne d’autre ne voit jamais votre adresse e-mail. Si vous cochez la case distincte pour afficher votre commentaire, un modérateur le lit d’abord ; une fois approuvé et votre signature confirmée, il est affiché sur la page de la pétition avec votre prénom, votre pays et la date, jamais votre nom complet ni votre adresse e-mail. Vous êtes prévenu par e-mail s’il a été affiché ou non, et pourquoi.
- **Quand vous rejoignez la communauté :** votre nom, votre adresse e-mail, votre pays, la langue dans laquelle vous souhaitez que nous vous écrivions et les thèmes que vous avez choisis.
- **Comment vous nous avez trouvés :** le lien de campagne ou le site web par lequel vous avez accédé à une pétition, afin de savoir quels moyens de partage fonctionnent.
- **Quand vous répondez à un événement :** votre nom et votre adresse e-mail, si vous avez demandé un rappel, et si vous avez une place ou êtes sur liste d’attente. Le public ne voit que le nombre de places restantes ; notre équipe voit qui vient. L’adresse exacte ou le lien pour participer ne sont envoyés qu’à vous, une fois votre réponse confirmée. **Quand vous organisez un événement :** votre nom et votre adresse e-mail, et votre nom tel que vous avez choisi de l’afficher.
- **Quand vous rejoignez un groupe local :** votre nom et votre adresse e-mail, et si vous avez coché la case distincte pour les partager avec l’organisateur du groupe. L’organisateur ne voit votre nom et votre adresse que si vous la cochez et confirmez ; sinon il voit seulement le nombre de membres. Chaque e-mail sur le groupe contient un lien pour le quitter. **Quand vous écrivez à un groupe :** votre message est envoyé par e-mail à l’organisateur avec votre nom et votre adresse pour qu’il puisse vous répondre ; nous ne le gardons pas une fois envoyé, et l’adresse de l’organisateur ne vous est jamais montrée. **Quand vous créez un groupe :** votre nom et votre adresse e-mail ; le public voit le nom, la description, la ville et le pays du groupe, jamais vous.
- **Votre réseau :** nous ne conservons jamais votre adresse IP. Pour empêcher les vagues de fausses signatures, nous conservons un code à sens unique, calculé à partir de votre réseau avec une clé qui change chaque jour, de sorte que les codes de jours différents ne puissent pas être reliés entre eux ; ce code est supprimé au bout de 30 jours. Au moment où vous signez, votre adresse est aussi comparée aux plages réseau que nous avons bloquées ou autorisées, puis oubliée. Pour éviter qu’une même adresse e-mail soit envoyée encore et encore à une pétition, nous comptons pendant une heure combien de fois elle l’a été, sous un code à sens unique, jamais l’adresse elle-même. Une signature qui semble automatisée (envoyée plus vite qu’une personne ne peut taper, ou avec un champ caché rempli) ou qui vient d’un domaine de messagerie ou d’un réseau bloqué est mise de côté et n’est pas comptée ; à moins que notre équipe ne la libère, elle est supprimée au bout de 30 jours.
- **Quand vous partagez un témoignage :** votre nom et votre adresse e-mail, votre témoignage, et la photo si vous en ajoutez une. Nous affichons votre nom complet, votre prénom ou aucun nom, selon votre choix ; jamais votre adresse. Un modérateur lit chaque témoignage d’abord, et nous vous écrivons sa décision. Nous retirons tout ce qui est caché dans une photo, y compris le lieu de la prise de vue.

## Ce que nous en faisons

Nous comptons votre signature dès que vous la confirmez depuis l’e-mail que nous vous envoyons. Nous ne vous écrivons au sujet de nos campagnes que si vous cochez la case prévue à cet effet et confirmez ce choix, et nous gardons une trace de ce que vous avez accepté, de la formulation exacte et de la date. Chacun de ces e-mails contient un lien pour vous désabonner en un clic. Vos signatures continuent de compter après votre désabonnement.

## Combien de temps nous les conservons

- Une signature ou une demande d’inscription qui n’est jamais confirmée est supprimée au bout de 30 jours.
- Une réponse à un événement est supprimée 12 mois après l’événement (30 jours après son envoi si vous ne la confirmez jamais).
- Une demande pour rejoindre un groupe jamais confirmée est supprimée après 30 jours. Si vous effacez vos données, vos adhésions disparaissent ; un groupe que vous organisiez est retiré du site jusqu’à ce que quelqu’un d’autre l’anime.
- Six mois après la clôture d’une pétition, les noms et les coordonnées de ses signataires sont effacés ; seul reste le nombre de signatures par pays.
- Vos coordonnées de membre sont conservées jusqu’à ce que vous nous demandiez de les effacer.
- Une trace de chaque e-mail que nous vous envoyons (son objet et sa date d’envoi, jamais son contenu) est conservée 90 jours.
- Si un e-mail qui vous est adressé nous revient, ou si vous en signalez un comme spam, nous gardons un code à sens unique de votre adresse (jamais l’adresse elle-même) pour ne plus rien y envoyer, jusqu’à ce que vous nous demandiez de le retirer.
- Nos sauvegardes sont supprimées au bout de 30 jours : ce qui est effacé du site disparaît donc aussi des sauvegardes dans les 30 jours.
- Un témoignage qui n’est pas publié est supprimé 30 jours après la décision. Un témoignage publié reste en ligne jusqu’à ce que vous demandiez l’effacement de vos données : il est alors supprimé, avec sa photo.

## Vos droits

- **Modifiez vos préférences** (langue, thèmes, e-mails) sur la [page des préférences](/preferences) : nous vous envoyons un lien par e-mail, sans mot de passe.
- **Consultez tout ce que nous détenons à votre sujet**, téléchargez-le sous forme de fichier ou **faites-le effacer** sur la page [Vos données](/your-data). Lorsque vous effacez vos données, nous supprimons toutes vos données personnelles, partout où nous les conservons, et nous vous envoyons un dernier e-mail pour vous le confirmer.
- Pour toute autre demande, écrivez-nous via la [page de contact](/contact).`,
    },
    {
      slug: "accessibility",
      title: "Déclaration d’accessibilité",
      summary:
        "Ce site s’adresse à tout le monde, quels que soient l’appareil, la langue ou la technologie d’assistance utilisés.",
      body: `Nous visons le niveau AA des règles pour l’accessibilité des contenus web (WCAG) 2.2 sur chaque page, dans chacune des langues du site.

## Ce que nous testons, et comment

Chaque modification du site déclenche des tests automatisés dans un vrai navigateur (Chromium) :

- **axe-core** recherche sur chaque page publique les non-conformités aux niveaux A et AA des WCAG 2.2, en anglais et en arabe, avec des formulaires vides, avec des formulaires qui affichent des erreurs, et après la signature d’une pétition.
- **Clavier seul :** un test signe une pétition uniquement au clavier, en anglais et en arabe, et vérifie à chaque étape que le focus est visible.
- **Petits écrans et zoom :** chaque page est vérifiée sur une largeur de 320 pixels et avec un zoom de 200 %, sans que rien n’oblige à faire défiler la page horizontalement.
- **Sans JavaScript :** chaque page et chaque formulaire fonctionnent avec JavaScript désactivé.
- **De droite à gauche :** les pages en arabe et en persan s’affichent de droite à gauche, et nous en examinons des captures d’écran, pas seulement les résultats des tests.

Les formulaires indiquent ce qui ne va pas dans une liste placée en haut, qui reçoit le focus et renvoie vers chaque champ. Les changements du nombre de signatures d’une pétition sont annoncés de temps en temps aux lecteurs d’écran, sans déplacer le focus.

## Ce qui, nous le savons, n’est pas encore parfait

Les tests automatisés détectent beaucoup de problèmes, mais pas tous. Nous n’avons pas encore fait tester le site par des personnes qui utilisent chaque jour un lecteur d’écran et la commande vocale ; nous souhaitons le faire, et nous publierons ce qu’elles auront constaté.

Si quelque chose sur ce site vous est difficile à utiliser, dites-le-nous via la [page de contact](/contact) et nous le corrigerons.`,
    },
    {
      slug: "contact",
      title: "Nous contacter",
      summary: "Questions, corrections, demandes concernant vos données ou demandes de la presse.",
      body: `Écrivez à l’équipe qui gère ce site, à l’adresse indiquée par l’organisation qui l’héberge.

Pour obtenir une copie de vos données ou leur effacement, précisez-le dans votre message ; nous répondons dans un délai d’un mois.`,
    },
  ],
  figures: [
    {
      label: "de personnes réfugiées dans le monde",
      source: "HCR (UNHCR)",
    },
    {
      label:
        "des jeunes interrogés dans le monde sont prêts à accueillir des personnes réfugiées dans leur pays, dans leur ville ou sous leur propre toit",
      source: "enquête mondiale auprès des jeunes",
    },
    {
      label: "des personnes réfugiées vivent dans des régions en développement",
      source: "HCR (UNHCR)",
    },
  ],
  campaigns: [
    {
      slug: "stop-returns-to-afghanistan",
      title: "Stop aux renvois de demandeurs d’asile afghans vers le danger",
      summary:
        "Partout en Norvège, des élèves se sont mobilisés pour une camarade menacée d’expulsion vers un pays où elle n’avait jamais vécu. Soyez à leurs côtés.",
      demand:
        "Cessez de renvoyer les demandeurs d’asile afghans en Afghanistan tant qu’ils ne peuvent pas y retourner en sécurité et dans la dignité.",
      targetName: "Le gouvernement norvégien",
      body: `Une jeune femme vivant en Norvège espérait terminer sa scolarité et devenir médecin. Au lieu de cela, on lui a annoncé qu’elle serait renvoyée en Afghanistan, un pays où elle n’avait jamais vécu.

Ses camarades n’ont pas détourné le regard. Des milliers d’élèves, partout en Norvège, l’ont soutenue et ont demandé à leur gouvernement de revoir sa position.

En Afghanistan, 2016 avait été l’année la plus meurtrière jamais enregistrée jusqu’alors. Personne ne devrait être renvoyé dans un pays en guerre. Nous demandons au gouvernement norvégien d’arrêter ces renvois tant que les personnes ne peuvent pas rentrer en sécurité et dans la dignité.`,
      imageAlt:
        "Illustration : trois maisons jaunes, la nuit, chacune avec sa porte ouverte et la lumière qui se répand dans la rue",
      imageCaption: "L’accueil commence par une porte ouverte.",
      imageCredit: "Illustration réalisée pour la démonstration d’iwelcome",
    },
    {
      slug: "safe-and-legal-routes",
      title: "Ouvrez des voies sûres et légales vers la protection",
      summary:
        "Personne ne devrait avoir à risquer sa vie pour se mettre à l’abri. Demandez aux gouvernements d’ouvrir de véritables voies d’accès à la protection.",
      demand:
        "Réinstallez les personnes réfugiées les plus vulnérables et ouvrez davantage de voies sûres et légales : parrainage communautaire, réunification familiale, visas étudiants et visas médicaux.",
      targetName: "Les dirigeants du monde",
      body: `La plupart des personnes réfugiées vivent dans des régions en développement, et une poignée de pays en accueillent la quasi-totalité. Les pays les plus riches peuvent faire bien davantage.

La réinstallation offre aux personnes les plus menacées, comme celles qui ont survécu à la torture ou les femmes exposées à des violences, un moyen sûr de prendre un nouveau départ. Le parrainage communautaire, la réunification familiale, les bourses d’études et les visas médicaux ouvrent d’autres portes.

Ajoutez votre nom et montrez aux dirigeants du monde que leurs citoyens sont prêts à accueillir.`,
      imageAlt: "Illustration : un paillasson noir portant le mot WELCOME en lettres jaunes, posé entre deux portes",
      imageCaption:
        "Un jour, des militants ont déposé des paillassons de bienvenue devant le Parlement néerlandais, à La Haye.",
      imageCredit: "Illustration réalisée pour la démonstration d’iwelcome",
    },
  ],
};
