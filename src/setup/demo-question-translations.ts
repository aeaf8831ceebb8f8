import type { LanguageCode } from '../reference/gcm';

/**
 * The DEMO phase's five questions (the UNECE 2024 pre-review questions, src/setup/unece-2024.ts)
 * in the other five UN languages, keyed by position, then by locale.
 *
 * DEMONSTRATION translations, not official UN ones: the concept note gives the questions in
 * English only, so the real UNECE 2024 phases stay English only. They exist so that the Hub can
 * be tried in every language; what marks them is their phase (`isDemo: true`, its description
 * says so), see docs/API.md.
 *
 * Terminology of the UN translation services: fr "Pacte mondial sur les migrations", "États
 * Membres", "examen régional"; es "Pacto Mundial para la Migración", "esferas", "o ambos" for
 * "and/or"; ru "Глобальный договор о миграции", "осуществление"; ar "الاتفاق العالمي من أجل الهجرة";
 * zh 《全球移民契约》, "会员国", "区域审查". French puts a no-break space (U+00A0) before "?".
 */

export type TranslatedLocale = Exclude<LanguageCode, 'en'>;
export type DemoQuestionPosition = 1 | 2 | 3 | 4 | 5;

export const DEMO_QUESTION_TRANSLATIONS: Readonly<Record<DemoQuestionPosition, Readonly<Record<TranslatedLocale, string>>>> = {
  1: {
    fr: 'Quels exemples de pratiques prometteuses et de réalisations dans la mise en œuvre du Pacte mondial sur les migrations, ayant trait à la collaboration au sein de la région, pouvez-vous citer ?',
    es: '¿Qué ejemplos de prácticas prometedoras y de logros en la aplicación del Pacto Mundial para la Migración guardan relación con la colaboración dentro de la región?',
    ar: 'ما هي بعض الأمثلة على الممارسات الواعدة والإنجازات المحققة في تنفيذ الاتفاق العالمي من أجل الهجرة والتي تتصل بالتعاون داخل المنطقة؟',
    ru: 'Каковы примеры перспективной практики и достижений в осуществлении Глобального договора о миграции, связанных с сотрудничеством в рамках региона?',
    zh: '在执行《全球移民契约》方面，有哪些与区域内合作相关的有前景的做法和成就实例？',
  },
  2: {
    fr: 'Quelles sont les principales lacunes et difficultés que présente la collaboration intrarégionale et interrégionale actuelle aux fins de la mise en œuvre du Pacte mondial sur les migrations, et quels enseignements en ont été tirés ? Avez-vous des suggestions quant à la manière de mieux surmonter ces difficultés ?',
    es: '¿Cuáles son las principales carencias y dificultades, así como las lecciones aprendidas, de la colaboración intrarregional e interregional existente en la aplicación del Pacto Mundial para la Migración? ¿Tiene sugerencias sobre cómo superar mejor esas dificultades?',
    ar: 'ما هي الثغرات والتحديات الرئيسية، وما هي الدروس المستفادة، فيما يخص التعاون القائم داخل المنطقة وفيما بين المناطق في مجال تنفيذ الاتفاق العالمي من أجل الهجرة؟ وهل لديكم اقتراحات بشأن سبل التغلب على هذه التحديات على نحو أفضل؟',
    ru: 'Каковы основные пробелы и проблемы, а также извлеченные уроки в рамках существующего внутрирегионального и межрегионального сотрудничества по осуществлению Глобального договора о миграции? Есть ли у вас предложения о том, как эффективнее преодолевать эти проблемы?',
    zh: '在执行《全球移民契约》方面，现有的区域内和跨区域合作存在哪些主要差距和挑战？有哪些经验教训？对于如何更好地克服这些挑战，您有何建议？',
  },
  3: {
    fr: 'Quels types d’experts thématiques, quelles sous-régions ou quels secteurs ont besoin d’un appui particulier et revêtent de l’importance tout au long de l’examen régional du Pacte mondial sur les migrations ?',
    es: '¿Qué tipos de expertos temáticos, subregiones o sectores requieren un apoyo específico y revisten importancia a lo largo de todo el examen regional del Pacto Mundial para la Migración?',
    ar: 'ما هي أنواع الخبراء المواضيعيين أو المناطق دون الإقليمية أو القطاعات التي تحتاج إلى دعم محدد وتكتسي أهمية طوال عملية الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة؟',
    ru: 'Каким категориям тематических экспертов, субрегионам или секторам требуется особая поддержка и какие из них имеют важное значение на всех этапах регионального обзора Глобального договора о миграции?',
    zh: '哪些类型的专题专家、哪些次区域或部门需要具体支持，并在《全球移民契约》区域审查的整个过程中具有重要意义？',
  },
  4: {
    fr: 'Veuillez indiquer les domaines (objectifs et/ou principes directeurs du Pacte mondial sur les migrations) dans lesquels la région tirerait profit d’une coopération accrue en matière de renforcement des capacités, de conseils stratégiques, de disponibilité des données (y compris leur collecte, leur partage et leur analyse), de technologie, de partenariats multipartites ou autres. De même, veuillez indiquer les domaines qui ont été jugés prioritaires et ont bénéficié d’un élan accru, en précisant pourquoi.',
    es: 'Indique las esferas (objetivos o principios rectores del Pacto Mundial para la Migración, o ambos) en las que la región se beneficiaría de una mayor cooperación en materia de creación de capacidad, asesoramiento normativo, disponibilidad de datos (incluidos su recopilación, intercambio y análisis), tecnología, alianzas entre múltiples interesados y otros ámbitos. Asimismo, indique las esferas a las que se ha dado prioridad y que han cobrado mayor impulso, y explique por qué.',
    ar: 'يرجى تحديد المجالات (أهداف الاتفاق العالمي من أجل الهجرة و/أو مبادئه التوجيهية) التي يمكن أن تستفيد فيها المنطقة من تعزيز التعاون من حيث بناء القدرات، والمشورة في مجال السياسات، وتوافر البيانات، بما في ذلك جمعها وتبادلها وتحليلها، والتكنولوجيا، والشراكات بين أصحاب المصلحة المتعددين، وغير ذلك. ويرجى كذلك تحديد المجالات التي أُعطيت الأولوية واكتسبت زخماً أكبر، مع بيان الأسباب.',
    ru: 'Укажите области (цели и/или руководящие принципы Глобального договора о миграции), в которых региону было бы полезно более тесное сотрудничество в таких вопросах, как наращивание потенциала, консультирование по вопросам политики, наличие данных, включая их сбор, обмен ими и их анализ, технологии, партнерства с участием многих заинтересованных сторон и другие. Укажите также области, которые были определены как приоритетные и получили более значительный импульс, и объясните причины.',
    zh: '请概述本区域若在能力建设、政策咨询、数据可得性（包括数据的收集、共享和分析）、技术、多利益攸关方伙伴关系等方面加强合作即可受益的领域（《全球移民契约》的目标和/或指导原则）。同样，请概述已被列为优先事项并获得更大推动力的领域，并说明原因。',
  },
  5: {
    fr: 'Parmi les progrès accomplis, les difficultés rencontrées et les possibilités offertes dans la mise en œuvre du Pacte mondial sur les migrations dans la région, quels sont les principaux points que vous souhaiteriez voir examinés par les États Membres lors de l’examen régional du Pacte mondial, et pourquoi ?',
    es: '¿Cuáles son algunas de las principales esferas de progreso, dificultades y oportunidades en la aplicación del Pacto Mundial para la Migración en la región que desearía que los Estados Miembros debatieran durante el examen regional del Pacto Mundial, y por qué?',
    ar: 'ما هي بعض المجالات الرئيسية للتقدم المحرز والتحديات القائمة والفرص المتاحة في تنفيذ الاتفاق العالمي من أجل الهجرة في المنطقة التي تودون أن تناقشها الدول الأعضاء خلال الاستعراض الإقليمي للاتفاق العالمي، ولماذا؟',
    ru: 'Каковы основные области, в которых достигнут прогресс, сохраняются проблемы и открываются возможности в осуществлении Глобального договора о миграции в регионе, которые, по вашему мнению, государствам-членам следует обсудить в ходе регионального обзора Глобального договора, и почему?',
    zh: '在本区域执行《全球移民契约》方面，您希望会员国在《全球移民契约》区域审查期间讨论哪些关键的进展领域、挑战和机遇？原因何在？',
  },
};
