import type { DemoTranslation } from "./types.ts";

const CREDIT = "Illustrasjon laget for iwelcome-demoen";

/** The demo content in Norwegian Bokmål, in the same order as the English. */
export const DEMO_NB: DemoTranslation = {
  pages: [
    {
      slug: "home",
      title: "Flyktninger er velkomne her",
      summary:
        "Regjeringer er trege til å handle. Vanlige folk er ikke det. Bli med i en bevegelse av naboer, studenter og familier som får nykommere til å føle seg velkomne.",
      body: `Mennesker som må flykte fra hjemmene sine, trenger to ting fra oss andre: en trygg vei til beskyttelse, og en varm velkomst når de kommer fram.

Vi ber regjeringer om å åpne [trygge og lovlige veier](/calling-for), og vi viser dem, gate for gate, at innbyggerne er klare til å ta imot.`,
    },
    {
      slug: "calling-for",
      title: "Dette krever vi",
      summary: "Trygge og lovlige veier til beskyttelse, først og fremst for dem som er mest utsatt.",
      body: `## Gjenbosetting for dem som er mest utsatt

Noen flyktninger kan ikke vente: mennesker som har overlevd tortur, og kvinner og jenter som står i fare for å bli utsatt for overgrep. Vi ber regjeringer om å gjenbosette dem, og om å tilby langt flere plasser enn de gjør i dag.

## Flere trygge og lovlige veier

Gjenbosetting er én vei blant flere. Vi krever:

- **sponsing fra lokalsamfunn**, slik at lokale grupper kan ta imot en flyktningfamilie og støtte dem mens de etablerer seg;
- **familiegjenforening**, slik at familier som krigen har splittet, kan bo sammen igjen;
- **studiestipender og studievisum** for studenter på flukt;
- **medisinsk visum** for mennesker som trenger behandling de ikke kan få der de er.

## Rettferdig ansvarsdeling

De fleste flyktninger bor i utviklingsland. En håndfull land tar imot nesten alle sammen, mens mange av de rikeste landene gjør lite. Alle land kan gjøre sin del.`,
    },
    {
      slug: "take-action",
      title: "Engasjer deg",
      summary: "Enkle, konkrete ting du kan gjøre denne uka for at nykommere skal føle seg velkomne.",
      body: `Forandring begynner med at vanlige folk gjør enkle ting.`,
    },
    {
      slug: "join",
      title: "Bli en del av fellesskapet",
      summary: "Vi vil gjerne holde kontakten og fortelle deg hva du kan gjøre videre.",
      body: `Tusenvis av mennesker er allerede en del av denne bevegelsen. Når du blir med, skriver vi til deg innimellom om det neste du kan gjøre som betyr noe: et opprop som trenger underskrifter, et arrangement i nærheten av deg, en historie som er verdt å dele.

Vi skriver bare til deg hvis du ber om det, og du kan melde deg av når som helst med ett klikk. Les hvordan vi tar vare på opplysningene dine, i [personvernerklæringen](/privacy) vår.`,
    },
    {
      slug: "learn",
      title: "Lær mer",
      summary: "Forstå flyktningers rettigheter, og hvordan du kan forsvare dem.",
      body: `## Et gratis nettkurs om flyktningers rettigheter

Hvem er flyktning? Hvilken beskyttelse gir folkeretten dem, og hva skjer når regjeringer ikke gir dem den? Kurset svarer på disse spørsmålene i korte leksjoner du kan ta i ditt eget tempo, på hvilken som helst enhet.

## Derfor er det viktig

Å kjenne fakta er det beste svaret på frykt og feilinformasjon. Del det du lærer, med folk rundt deg.`,
    },
    {
      slug: "privacy",
      title: "Personvernerklæring",
      summary: "Hva vi lagrer om deg, hvorfor, hvor lenge, og hvilke rettigheter du har.",
      body: `Når du skriver under et opprop for flyktninger eller blir med i en velkomstgruppe, kan det si noe om de politiske meningene dine. Vi behandler alt du gir oss, med det i tankene, og vi lagrer så lite som mulig, så kort tid som mulig.

## Hva vi lagrer

- **Når du skriver under et opprop:** navnet ditt, e-postadressen din og landet ditt, og postnummeret og kommentaren din hvis du oppgir dem. Vi viser fornavnet ditt og landet ditt blant de siste underskriftene bare hvis du krysser av i boksen som spør om det. Ingen andre ser noen gang e-postadressen din. Hvis du krysser av i den egne boksen for å vise kommentaren din, leser en moderator den først. Når den er godkjent og underskriften bekreftet, vises den på oppropets side med fornavnet ditt, landet ditt og datoen, aldri hele navnet eller e-postadressen din. Du får beskjed på e-post om den ble vist eller ikke, og hvorfor.
- **Når du blir med i fellesskapet:** navnet ditt, e-postadressen din, landet ditt, språket du vil at vi skal skrive til deg på, og temaene du valgte.
- **Hvordan du fant fram til oss:** kampanjelenken eller nettstedet som førte deg til et opprop, slik at vi vet hvilke måter å dele på som virker.
- **Når du svarer på et arrangement:** navnet og e-postadressen din, om du ba om en påminnelse, og om du har plass eller står på venteliste. Offentligheten ser bare hvor mange plasser som er igjen; våre ansatte ser hvem som kommer. Den nøyaktige adressen eller lenken sendes bare til deg når du har bekreftet. **Når du arrangerer noe:** navnet og e-postadressen din, og navnet slik du valgte å vise det på arrangementet.
- **Når du blir med i en lokal gruppe:** navnet og e-postadressen din, og om du krysset av i den egne boksen for å dele dem med gruppens organisator. Bare hvis du krysser av og bekrefter, ser organisatoren navnet og e-posten din; ellers ser de bare hvor mange medlemmer det er. Hver e-post om gruppen har en lenke for å gå ut. **Når du skriver til en gruppe:** meldingen din går til organisatoren på e-post med navnet og e-postadressen din, så de kan svare; vi tar ikke vare på den etter at den er sendt, og organisatorens adresse vises aldri til deg. **Når du starter en gruppe:** navnet og e-postadressen din; offentligheten ser gruppens navn, beskrivelse, sted og land, aldri deg.
- **Nettverket ditt:** vi lagrer aldri IP-adressen din. For å stoppe flommer av falske underskrifter lagrer vi en enveiskode laget ut fra nettverket ditt med en nøkkel som skiftes hver dag, slik at koder fra ulike dager ikke kan kobles sammen. Koden slettes etter 30 dager. I det øyeblikket du signerer, sammenlignes adressen din også med nettverksområdene vi har blokkert eller tillatt, og glemmes så. For å hindre at samme e-postadresse sendes inn til en kampanje igjen og igjen, teller vi i en time hvor ofte det skjer, under en enveiskode, aldri selve adressen. En underskrift som ser automatisert ut (sendt raskere enn et menneske kan skrive, eller med et skjult felt fylt ut), eller som kommer fra et blokkert e-postdomene eller nettverk, legges til side og telles ikke; med mindre vi slipper den fri, slettes den etter 30 dager.
- **Når du deler en historie:** navnet og e-postadressen din, historien og bildet hvis du legger ved et. Vi viser hele navnet, fornavnet eller ingen navn, slik du velger; aldri e-postadressen. En moderator leser hver historie først, og vi sender deg avgjørelsen på e-post. Vi fjerner alt som er skjult i et bilde, også hvor det ble tatt.

## Hva vi bruker det til

Vi teller underskriften din når du har bekreftet den fra e-posten vi sender deg. Vi sender deg e-post om kampanjer bare hvis du krysser av i boksen for det og bekrefter det, og vi tar vare på hva du sa ja til, med hvilken ordlyd og når. Hver slik e-post har en lenke der du kan melde deg av med ett klikk. Underskriftene dine teller fortsatt etter at du har meldt deg av.

## Hvor lenge vi lagrer det

- En underskrift eller en påmelding som aldri blir bekreftet, slettes etter 30 dager.
- Et svar på et arrangement slettes 12 måneder etter arrangementet (30 dager etter at du sendte det, hvis du aldri bekrefter det).
- En forespørsel om å bli med i en gruppe som aldri bekreftes, slettes etter 30 dager. Sletter du opplysningene dine, forsvinner medlemskapene dine; en gruppe du organiserte, tas av nettstedet til noen andre driver den.
- Seks måneder etter at et opprop er avsluttet, slettes navnene og opplysningene til dem som skrev under. Bare antallet underskrifter per land blir igjen.
- Opplysningene dine som medlem blir liggende til du ber oss om å slette dem.
- En oversikt over hver e-post vi sender deg (emnet og når den ble sendt, aldri hva den sa) lagres i 90 dager.
- Hvis en e-post til deg kommer i retur, eller du merker en som søppelpost, beholder vi en enveiskode av adressen din (aldri selve adressen) så vi ikke sender mer dit, til du ber oss fjerne den.
- Sikkerhetskopiene våre slettes etter 30 dager, så det som slettes fra nettstedet, er også borte fra dem innen 30 dager.
- En historie som ikke blir publisert, slettes 30 dager etter avgjørelsen. En publisert historie blir liggende til du ber oss slette dataene dine: da slettes den, sammen med bildet.

## Rettighetene dine

- **Endre innstillingene dine** (språk, temaer, e-post) på [innstillingssiden](/preferences): vi sender deg en lenke på e-post, og du trenger ikke noe passord.
- **Se alt vi har lagret om deg**, last det ned som en fil, eller **få det slettet** på siden [Opplysningene dine](/your-data). Når du sletter opplysningene dine, fjerner vi alle personopplysninger om deg overalt der vi lagrer dem, og sender deg en siste e-post om at det er gjort.
- For alt annet kan du skrive til oss via [kontaktsiden](/contact).`,
    },
    {
      slug: "accessibility",
      title: "Tilgjengelighetserklæring",
      summary:
        "Dette nettstedet er for alle, uansett hvilken enhet, hvilket språk eller hvilke hjelpemidler de bruker.",
      body: `Målet vårt er at alle sidene oppfyller retningslinjene for tilgjengelig webinnhold (WCAG) 2.2 på nivå AA, på alle språkene nettstedet finnes på.

## Hva vi tester, og hvordan

For hver endring på nettstedet kjøres automatiske tester i en ekte nettleser (Chromium):

- **axe-core** sjekker alle offentlige sider for brudd på WCAG 2.2 nivå A og AA, på engelsk og på arabisk, med tomme skjemaer, med skjemaer som viser feil, og etter at et opprop er skrevet under.
- **Bare tastatur:** en test skriver under et opprop med bare tastaturet, på engelsk og på arabisk, og sjekker ved hvert steg at fokuset er synlig.
- **Små skjermer og zoom:** alle sidene sjekkes med en bredde på 320 piksler og med 200 % zoom, uten at noe krever at man ruller sidelengs.
- **Uten JavaScript:** alle sidene og alle skjemaene fungerer med JavaScript slått av.
- **Fra høyre mot venstre:** sider på arabisk og persisk er lagt opp fra høyre mot venstre, og vi ser på skjermbilder av dem, ikke bare på testresultatene.

Skjemaene forteller hva som er feil, i en liste øverst som får fokus og lenker til hvert felt. Endringer i antallet underskrifter på et opprop blir lest opp for skjermleserbrukere innimellom, uten at fokuset flyttes.

## Det vi vet ikke er perfekt ennå

Automatiske tester finner mange problemer, men ikke alle. Vi har ennå ikke fått nettstedet testet av folk som bruker skjermleser og talestyring hver dag. Det vil vi gjerne, og vi kommer til å publisere det de finner.

Hvis noe på nettstedet er vanskelig for deg å bruke, si fra via [kontaktsiden](/contact), så retter vi det.`,
    },
    {
      slug: "contact",
      title: "Kontakt oss",
      summary: "Spørsmål, rettelser, henvendelser om personopplysninger eller pressehenvendelser.",
      body: `Skriv til teamet som driver dette nettstedet, på adressen som organisasjonen bak nettstedet har oppgitt.

Hvis du vil ha en kopi av opplysningene dine eller få dem slettet, skriv det i meldingen. Vi svarer innen én måned.`,
    },
  ],
  figures: [
    {
      label: "flyktninger i verden",
      source: "FNs høykommissær for flyktninger (UNHCR)",
    },
    {
      label:
        "av unge som ble spurt verden over, er klare til å ønske flyktninger velkommen i landet sitt, i lokalsamfunnet sitt eller i sitt eget hjem",
      source: "global spørreundersøkelse blant unge",
    },
    {
      label: "av flyktningene bor i utviklingsland",
      source: "FNs høykommissær for flyktninger (UNHCR)",
    },
  ],
  campaigns: [
    {
      slug: "stop-returns-to-afghanistan",
      title: "Ikke send afghanske asylsøkere ut i fare",
      summary:
        "Elever over hele Norge stilte seg bak en klassekamerat som skulle sendes ut til et land hun aldri hadde bodd i. Stå sammen med dem.",
      demand:
        "Stans returene av afghanske asylsøkere til Afghanistan til de kan vende tilbake i trygghet og med verdighet.",
      targetName: "Den norske regjeringen",
      body: `En ung kvinne i Norge håpet å fullføre skolen og bli lege. I stedet fikk hun beskjed om at hun skulle sendes til Afghanistan, et land hun aldri hadde bodd i.

Klassekameratene hennes så ikke bort. Tusenvis av elever over hele Norge stilte seg bak henne og ba regjeringen tenke seg om.

På det tidspunktet var 2016 det dødeligste året som var registrert i Afghanistan. Ingen skal sendes til et land i krig. Vi ber den norske regjeringen stanse disse returene til folk kan vende tilbake trygt og med verdighet.`,
      imageAlt: "Illustrasjon: tre gule hus om natten, alle med døren åpen og lys som strømmer ut på gata",
      imageCaption: "Velkomsten begynner med en åpen dør.",
      imageCredit: CREDIT,
    },
    {
      slug: "safe-and-legal-routes",
      title: "Åpne trygge og lovlige veier til beskyttelse",
      summary:
        "Ingen skal måtte risikere livet for å komme i sikkerhet. Be regjeringer om å tilby reelle veier til beskyttelse.",
      demand:
        "Gjenbosett de mest sårbare flyktningene, og åpne flere trygge og lovlige veier: sponsing fra lokalsamfunn, familiegjenforening, studievisum og medisinsk visum.",
      targetName: "Verdens ledere",
      body: `De fleste flyktninger bor i utviklingsland, og en håndfull land tar imot nesten alle sammen. De rikeste landene kan gjøre langt mer.

Gjenbosetting gir dem som er mest utsatt, som overlevende etter tortur og kvinner som står i fare for å bli utsatt for overgrep, en trygg mulighet til å begynne på nytt. Sponsing fra lokalsamfunn, familiegjenforening, stipender og medisinsk visum åpner flere dører.

Skriv under, og vis verdens ledere at innbyggerne deres er klare til å ønske flyktninger velkommen.`,
      imageAlt: "Illustrasjon: en svart dørmatte med ordet WELCOME i gule bokstaver, som ligger mellom to dører",
      imageCaption: "Aktivister la en gang ut velkomstmatter foran det nederlandske parlamentet i Haag.",
      imageCredit: CREDIT,
    },
  ],
};
