import type { DemoTranslation } from "./types.ts";

const CREDIT = "Ilustración creada para la demo de iwelcome";

/** The demo content in Spanish, in the same order as the English. */
export const DEMO_ES: DemoTranslation = {
  pages: [
    {
      slug: "home",
      title: "Aquí, las personas refugiadas son bienvenidas",
      summary:
        "Los gobiernos tardan en actuar. La gente de a pie, no. Únete a un movimiento de vecinos, estudiantes y familias que dan la bienvenida a quienes llegan.",
      body: `Las personas obligadas a huir de sus hogares necesitan dos cosas del resto de nosotros: una forma segura de llegar a un lugar donde estén protegidas y una cálida bienvenida cuando lleguen.

Pedimos a los gobiernos que abran [vías seguras y legales](/calling-for), y les demostramos, calle a calle, que su ciudadanía está dispuesta a acoger.`,
    },
    {
      slug: "calling-for",
      title: "Lo que pedimos",
      summary: "Vías seguras y legales hacia la protección, empezando por las personas que corren más riesgo.",
      body: `## Reasentamiento para quienes corren más riesgo

Algunas personas refugiadas no pueden esperar: quienes han sobrevivido a la tortura, y las mujeres y niñas en riesgo de sufrir abusos. Pedimos a los gobiernos que las reasienten y que ofrezcan muchas más plazas de las que ofrecen hoy.

## Más vías seguras y legales

El reasentamiento es una vía entre varias. Pedimos:

- **patrocinio comunitario**, para que los grupos locales puedan acoger a una familia refugiada y acompañarla mientras se instala;
- **reunificación familiar**, para que las familias separadas por la guerra puedan volver a vivir juntas;
- **becas académicas y visados de estudio** para estudiantes refugiados;
- **visados médicos** para quienes necesitan un tratamiento que no pueden recibir donde están.

## Repartir la responsabilidad de forma justa

La mayoría de las personas refugiadas vive en regiones en desarrollo. Un puñado de países acoge a casi todas, mientras que muchas de las naciones más ricas hacen poco. Cada país puede poner de su parte.`,
    },
    {
      slug: "take-action",
      title: "Pasa a la acción",
      summary: "Cosas sencillas y concretas que puedes hacer esta semana para dar la bienvenida a quienes llegan.",
      body: `El cambio empieza con gente de a pie que hace cosas sencillas.`,
    },
    {
      slug: "join",
      title: "Únete a la comunidad",
      summary: "Nos encantaría seguir en contacto y contarte qué más puedes hacer.",
      body: `Miles de personas ya forman parte de este movimiento. Cuando te unes, te escribimos de vez en cuando con lo próximo que marca la diferencia: una petición que necesita firmas, un evento cerca de ti, una historia que vale la pena compartir.

Solo te escribimos si nos lo pides, y puedes darte de baja cuando quieras con un solo clic. Lee cómo cuidamos tus datos en nuestro [aviso de privacidad](/privacy).`,
    },
    {
      slug: "learn",
      title: "Aprende",
      summary: "Conoce los derechos de las personas refugiadas y cómo puedes defenderlos.",
      body: `## Un curso en línea gratuito sobre los derechos de las personas refugiadas

¿Quién es una persona refugiada? ¿Qué protección le da el derecho internacional y qué pasa cuando los gobiernos no se la ofrecen? El curso responde a estas preguntas en lecciones breves que puedes seguir a tu ritmo, en cualquier dispositivo.

## Por qué es importante

Conocer los hechos es la mejor respuesta al miedo y a la desinformación. Comparte lo que aprendas con la gente de tu entorno.`,
    },
    {
      slug: "privacy",
      title: "Aviso de privacidad",
      summary: "Qué guardamos sobre ti, por qué, durante cuánto tiempo y cuáles son tus derechos.",
      body: `Firmar una petición a favor de las personas refugiadas o unirte a un grupo de acogida puede decir algo sobre tus opiniones políticas. Tratamos todo lo que nos das teniéndolo en cuenta, y guardamos lo menos posible durante el menor tiempo posible.

## Qué guardamos

- **Cuando firmas una petición:** tu nombre, tu dirección de correo electrónico y tu país, además de tu código postal y tu comentario si nos los das. Solo mostramos tu nombre de pila y tu país entre las firmas recientes si marcas la casilla que lo pide. Nadie más ve nunca tu dirección de correo. Si marcas la casilla aparte para mostrar tu comentario, primero lo lee un moderador; cuando se aprueba y tu firma está confirmada, se muestra en la página de la petición con tu nombre de pila, tu país y la fecha, nunca tu nombre completo ni tu correo. Te avisamos por correo de si se ha mostrado o no, y por qué.
- **Cuando te unes a la comunidad:** tu nombre, tu dirección de correo electrónico, tu país, el idioma en el que quieres que te escribamos y los temas que elegiste.
- **Cómo llegaste:** el enlace de la campaña o el sitio web que te llevó a una petición, para saber qué formas de compartir funcionan.
- **Cuando respondes a un evento:** tu nombre y tu correo, si pediste un recordatorio y si tienes plaza o estás en lista de espera. El público solo ve cuántas plazas quedan; nuestro equipo ve quién va. La dirección exacta o el enlace para unirte solo te llegan a ti, cuando confirmas. **Cuando organizas un evento:** tu nombre y tu correo, y tu nombre tal como elegiste mostrarlo en el evento.
- **Cuando te unes a un grupo local:** tu nombre y tu correo, y si marcaste la casilla aparte para compartirlos con quien organiza el grupo. Solo si la marcas y lo confirmas verá esa persona tu nombre y tu correo; si no, solo ve cuántos miembros hay. Cada correo sobre el grupo incluye un enlace para salir. **Cuando escribes a un grupo:** tu mensaje llega por correo a quien lo organiza, con tu nombre y tu dirección para que pueda responderte; no lo guardamos una vez enviado, y nunca te mostramos su dirección. **Cuando creas un grupo:** tu nombre y tu correo; el público ve el nombre, la descripción, la ciudad y el país del grupo, nunca a ti.
- **Tu red:** nunca guardamos tu dirección IP. Para frenar avalanchas de firmas falsas, guardamos un código de un solo sentido generado a partir de tu red con una clave que cambia cada día, para que los códigos de días distintos no se puedan relacionar entre sí; ese código se borra a los 30 días. En el momento de firmar, tu dirección también se compara con los rangos de red que hemos bloqueado o permitido, y después se olvida. Para evitar que una misma dirección de correo se envíe a una petición una y otra vez, contamos durante una hora cuántas veces se envió, bajo un código de un solo sentido, nunca la dirección en sí. Una firma que parece automática (enviada más rápido de lo que una persona puede escribir, o con un campo oculto relleno) o que llega desde un dominio de correo o una red bloqueados se aparta y no se cuenta; si nuestro equipo no la libera, se borra a los 30 días.
- **Cuando compartes una historia:** tu nombre y tu correo, tu historia y la foto si añades una. Mostramos tu nombre completo, tu nombre de pila o ningún nombre, como elijas; nunca tu correo. Un moderador lee cada historia antes, y te escribimos con su decisión. Quitamos todo lo que va oculto en una foto, incluido dónde se tomó.

## Qué hacemos con ello

Contamos tu firma en cuanto la confirmas desde el correo que te enviamos. Solo te enviamos correos sobre campañas si marcas la casilla que lo indica y lo confirmas, y guardamos constancia de lo que aceptaste, con qué palabras y cuándo. Cada uno de esos correos incluye un enlace para darte de baja con un solo clic. Tus firmas siguen contando después de que te des de baja.

## Cuánto tiempo lo guardamos

- Una firma o una solicitud para unirte que nunca se confirma se borra a los 30 días.
- Una respuesta a un evento se borra 12 meses después del evento (30 días después de enviarla si nunca la confirmas).
- Una solicitud para unirte a un grupo que nunca confirmas se borra a los 30 días. Si borras tus datos, tus membresías desaparecen; un grupo que organizabas se retira del sitio hasta que otra persona se encargue de él.
- Seis meses después de que se cierre una petición, se borran los nombres y los datos de quienes la firmaron; solo queda el número de firmas por país.
- Tus datos como miembro se guardan hasta que nos pidas que los borremos.
- Un registro de cada correo que te enviamos (su asunto y cuándo salió, nunca lo que decía) se guarda 90 días.
- Si un correo que te enviamos rebota, o lo marcas como spam, guardamos un código de un solo sentido de tu dirección (nunca la dirección) para no enviarle nada más, hasta que nos pidas quitarlo.
- Nuestras copias de seguridad se borran a los 30 días, así que lo que se borra del sitio desaparece también de ellas en 30 días como mucho.
- Una historia que no se publica se elimina 30 días después de la decisión. Una historia publicada se mantiene hasta que pidas borrar tus datos: entonces se elimina, con su foto.

## Tus derechos

- **Cambia tus preferencias** (idioma, temas, correos) en la [página de preferencias](/preferences): te enviamos un enlace por correo, sin necesidad de contraseña.
- **Consulta todo lo que guardamos sobre ti**, descárgalo en un archivo o **pide que lo borremos** en la página [Tus datos](/your-data). Cuando borras tus datos, eliminamos todos tus datos personales de todos los lugares donde los guardamos y te enviamos un último correo para confirmarlo.
- Para cualquier otra cosa, escríbenos a través de la [página de contacto](/contact).`,
    },
    {
      slug: "accessibility",
      title: "Declaración de accesibilidad",
      summary:
        "Este sitio es para todo el mundo, sea cual sea el dispositivo, el idioma o la tecnología de apoyo que use.",
      body: `Nuestro objetivo es cumplir el nivel AA de las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 en todas las páginas, en todos los idiomas del sitio.

## Qué probamos y cómo

Con cada cambio en el sitio se ejecutan pruebas automatizadas en un navegador real (Chromium):

- **axe-core** revisa todas las páginas públicas en busca de incumplimientos de los niveles A y AA de las WCAG 2.2, en inglés y en árabe, con formularios vacíos, con formularios que muestran errores y después de firmar una petición.
- **Solo con el teclado:** una prueba firma una petición usando únicamente el teclado, en inglés y en árabe, y comprueba en cada paso que el foco se ve.
- **Pantallas pequeñas y zoom:** todas las páginas se comprueban con 320 píxeles de ancho y con un zoom del 200 %, sin nada que obligue a desplazarse en horizontal.
- **Sin JavaScript:** todas las páginas y todos los formularios funcionan con JavaScript desactivado.
- **De derecha a izquierda:** las páginas en árabe y en persa se muestran de derecha a izquierda, y revisamos capturas de pantalla de ellas, no solo los resultados de las pruebas.

Los formularios indican qué está mal en una lista en la parte superior que recibe el foco y enlaza a cada campo. Los cambios en el número de firmas de una petición se anuncian de vez en cuando a los lectores de pantalla, sin mover el foco.

## Lo que sabemos que aún no es perfecto

Las pruebas automatizadas encuentran muchos problemas, pero no todos. Todavía no hemos hecho que personas que usan a diario lectores de pantalla y control por voz prueben el sitio; queremos hacerlo y publicaremos lo que encuentren.

Si algo del sitio te resulta difícil de usar, cuéntanoslo a través de la [página de contacto](/contact) y lo arreglaremos.`,
    },
    {
      slug: "contact",
      title: "Escríbenos",
      summary: "Preguntas, correcciones, solicitudes sobre tus datos o consultas de prensa.",
      body: `Escribe al equipo que gestiona este sitio a la dirección que indica la organización que lo aloja.

Si quieres una copia de tus datos o que los borremos, dilo en tu mensaje; respondemos en el plazo de un mes.`,
    },
  ],
  figures: [
    {
      label: "de personas refugiadas en todo el mundo",
      source: "ACNUR (UNHCR)",
    },
    {
      label:
        "de los jóvenes encuestados en todo el mundo están dispuestos a acoger a personas refugiadas en su país, en su comunidad o en su propia casa",
      source: "encuesta mundial a jóvenes",
    },
    {
      label: "de las personas refugiadas viven en regiones en desarrollo",
      source: "ACNUR (UNHCR)",
    },
  ],
  campaigns: [
    {
      slug: "stop-returns-to-afghanistan",
      title: "Basta de devolver al peligro a solicitantes de asilo afganos",
      summary:
        "Estudiantes de toda Noruega apoyaron a una compañera de clase amenazada de deportación a un país en el que nunca había vivido. Ponte de su lado.",
      demand:
        "Dejen de devolver a solicitantes de asilo afganos a Afganistán hasta que puedan regresar con seguridad y dignidad.",
      targetName: "Gobierno de Noruega",
      body: `Una joven en Noruega esperaba terminar la escuela y llegar a ser médica. En cambio, le dijeron que la enviarían a Afganistán, un país en el que nunca había vivido.

Sus compañeros de clase no miraron hacia otro lado. Miles de estudiantes de toda Noruega la apoyaron y le pidieron a su gobierno que lo reconsiderara.

Hasta ese momento, 2016 había sido el año más mortífero del que se tenía registro en Afganistán. Nadie debería ser enviado de vuelta a un país en guerra. Pedimos al Gobierno de Noruega que detenga estas devoluciones hasta que las personas puedan regresar con seguridad y dignidad.`,
      imageAlt:
        "Ilustración: tres casas amarillas de noche, cada una con la puerta abierta y la luz que sale hacia la calle",
      imageCaption: "La bienvenida empieza con una puerta abierta.",
      imageCredit: CREDIT,
    },
    {
      slug: "safe-and-legal-routes",
      title: "Que se abran vías seguras y legales hacia la protección",
      summary:
        "Nadie debería tener que arriesgar su vida para ponerse a salvo. Pide a los gobiernos que ofrezcan vías reales hacia la protección.",
      demand:
        "Reasienten a las personas refugiadas más vulnerables y abran más vías seguras y legales: patrocinio comunitario, reunificación familiar, visados de estudio y visados médicos.",
      targetName: "Líderes mundiales",
      body: `La mayoría de las personas refugiadas vive en regiones en desarrollo, y un puñado de países acoge a casi todas. Las naciones más ricas pueden hacer mucho más.

El reasentamiento ofrece a las personas que corren más riesgo, como quienes han sobrevivido a la tortura y las mujeres en riesgo de sufrir abusos, una forma segura de empezar de nuevo. El patrocinio comunitario, la reunificación familiar, las becas y los visados médicos abren más puertas.

Suma tu nombre y demuestra a los líderes mundiales que su ciudadanía está dispuesta a acoger.`,
      imageAlt:
        "Ilustración: un felpudo negro con la palabra WELCOME («bienvenida») en letras amarillas, colocado entre dos puertas",
      imageCaption: "Una vez, activistas colocaron felpudos de bienvenida frente al Parlamento neerlandés, en La Haya.",
      imageCredit: CREDIT,
    },
  ],
};
