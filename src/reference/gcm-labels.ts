/**
 * The reference data of gcm.ts in the six UN languages, for the moderation workspace.
 *
 * Where the texts come from (details and addresses: docs/reference/gcm-objectives-translations.md):
 * - English: gcm.ts itself (quoted from A/RES/73/195), reused, never copied.
 * - Objective titles: the official language versions of A/RES/73/195 (the Global Compact for Safe,
 *   Orderly and Regular Migration), as quoted on the UN Network on Migration's own objective pages
 *   (migrationnetwork.un.org/fr|es/taxonomy/term/279…301) and in a few other public quotations
 *   named in the doc. An entry marked `// not found in an official source: translated` is ours: the
 *   official text could not be read here, so it was written in UN style from the English and from
 *   the official wording of the neighbouring entries. Check those against
 *   https://undocs.org/<lang>/A/RES/73/195 before publishing.
 * - Stakeholder categories: the list of paragraph 44 (and, in French, the official wording of
 *   paragraph 15 (j), which names most of the same actors); the rest is ours and marked.
 * - Regional commissions: their official names in each language (UN terminology); region names,
 *   submission kinds and language names are interface wording of ours (not in the resolution).
 */
import {
  GCM_OBJECTIVES,
  REGIONS,
  STAKEHOLDER_CATEGORIES,
  SUBMISSION_KINDS,
  UN_LANGUAGES,
  type RegionCode,
  type StakeholderCategory,
} from './gcm';

/** The content language codes of gcm.ts `UN_LANGUAGES`. */
export type LabelLanguage = 'en' | 'fr' | 'es' | 'ar' | 'ru' | 'zh';

/** In the order of gcm.ts `UN_LANGUAGES` (a type error here if the two lists part). */
export const LABEL_LANGUAGES: readonly LabelLanguage[] = UN_LANGUAGES.map((language) => language.code);

export type SubmissionKind = keyof typeof SUBMISSION_KINDS;
export type RegionLabel = { name: string; commission: string };

export const OBJECTIVE_TITLES: Record<LabelLanguage, readonly string[]> = {
  en: GCM_OBJECTIVES,
  // French: A/RES/73/195 (French), as quoted on migrationnetwork.un.org/fr (objectives 1, 2, 4–6, 8–16,
  // 19–23), in Annex B of the House of Commons of Canada CIMM report 23 (3, 7, 12) and on carolesalas.com (17).
  fr: [
    'Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits',
    'Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine',
    'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
    'Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats',
    'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
    'Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent',
    'S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire',
    'Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus',
    'Renforcer l’action transnationale face au trafic de migrants',
    'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
    'Gérer les frontières de manière intégrée, sûre et coordonnée',
    'Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés',
    'Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange',
    'Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire',
    'Assurer l’accès des migrants aux services de base',
    'Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale',
    'Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues',
    // not found in an official source: translated
    'Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences',
    'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays',
    'Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants',
    'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable',
    'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis',
    'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières',
  ],
  // Spanish: A/RES/73/195 (Spanish), as quoted on migrationnetwork.un.org/es (2, 4–14, 18, 19, 21, 22),
  // by IOM (emm.iom.int, 1) and the ICRC (8).
  es: [
    'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
    'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
    // not found in an official source: translated
    'Proporcionar información exacta y oportuna en todas las etapas de la migración',
    'Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada',
    'Aumentar la disponibilidad y flexibilidad de las vías de migración regular',
    'Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente',
    'Abordar y reducir las vulnerabilidades en la migración',
    'Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos',
    'Reforzar la respuesta transnacional al tráfico ilícito de migrantes',
    'Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional',
    'Gestionar las fronteras de manera integrada, segura y coordinada',
    'Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación',
    'Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas',
    'Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio',
    // not found in an official source: translated
    'Proporcionar a los migrantes acceso a los servicios básicos',
    // not found in an official source: translated
    'Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social',
    // not found in an official source: translated
    'Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración',
    'Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias',
    'Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países',
    // not found in an official source: translated
    'Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes',
    'Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible',
    'Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas',
    // not found in an official source: translated
    'Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular',
  ],
  // Arabic: no official text could be read here; all 23 are ours, in the wording of the Arabic GCM
  // title («الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية»). not found in an official source: translated
  ar: [
    'جمع واستخدام بيانات دقيقة ومصنفة كأساس لوضع سياسات قائمة على الأدلة',
    'التقليل إلى أدنى حد من العوامل السلبية والعوامل الهيكلية التي تضطر الناس إلى مغادرة بلدانهم الأصلية',
    'تقديم معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة',
    'ضمان حصول جميع المهاجرين على ما يثبت هويتهم القانونية وعلى وثائق ملائمة',
    'تعزيز توافر مسارات الهجرة النظامية ومرونتها',
    'تيسير التوظيف المنصف والأخلاقي وضمان الظروف التي تكفل العمل اللائق',
    'معالجة أوجه الضعف في سياق الهجرة والحد منها',
    'إنقاذ الأرواح وتنسيق الجهود الدولية بشأن المهاجرين المفقودين',
    'تعزيز التصدي عبر الحدود الوطنية لتهريب المهاجرين',
    'منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية',
    'إدارة الحدود بطريقة متكاملة وآمنة ومنسقة',
    'تعزيز اليقين والقدرة على التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب',
    'عدم اللجوء إلى احتجاز المهاجرين إلا كتدبير أخير والعمل على إيجاد بدائل له',
    'تعزيز الحماية والمساعدة والتعاون في المجال القنصلي طوال دورة الهجرة',
    'توفير إمكانية حصول المهاجرين على الخدمات الأساسية',
    'تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي',
    'القضاء على جميع أشكال التمييز وتشجيع الخطاب العام القائم على الأدلة من أجل تشكيل التصورات عن الهجرة',
    'الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات',
    'تهيئة الظروف التي تمكّن المهاجرين والمغتربين من المساهمة الكاملة في التنمية المستدامة في جميع البلدان',
    'تشجيع تحويل المال بطرق أسرع وأكثر أمانا وأقل تكلفة وتعزيز الشمول المالي للمهاجرين',
    'التعاون في تيسير العودة وإعادة القبول بشكل آمن وكريم، فضلا عن إعادة الإدماج المستدامة',
    'إنشاء آليات لإمكانية نقل استحقاقات الضمان الاجتماعي والمزايا المكتسبة',
    'تعزيز التعاون الدولي والشراكات العالمية من أجل الهجرة الآمنة والمنظمة والنظامية',
  ],
  // Russian: 1 and 2 as published (rus.err.ee) from the Russian text of the outcome document
  // (A/CONF.231/3, the text A/RES/73/195 endorses); 3–23 are ours.
  ru: [
    'Сбор и использование точных и дезагрегированных данных в качестве основы для выработки эмпирически обоснованной политики',
    'Сведение к минимуму неблагоприятного воздействия различных сил и структурных факторов, которые заставляют людей покидать страну своего происхождения',
    // 3–23: not found in an official source: translated
    'Предоставление точной и своевременной информации на всех этапах миграции',
    'Обеспечение наличия у всех мигрантов документов, подтверждающих их личность, и надлежащих документов',
    'Расширение доступности и гибкости путей легальной миграции',
    'Содействие справедливому и этичному найму и обеспечение условий, гарантирующих достойную работу',
    'Устранение и уменьшение факторов уязвимости в процессе миграции',
    'Спасение жизней и организация скоординированных международных усилий в отношении пропавших без вести мигрантов',
    'Укрепление транснациональных мер реагирования на незаконный ввоз мигрантов',
    'Предупреждение, пресечение и искоренение торговли людьми в контексте международной миграции',
    'Комплексное, безопасное и скоординированное управление границами',
    'Повышение определенности и предсказуемости миграционных процедур для надлежащей проверки, оценки и направления',
    'Использование задержания мигрантов только в качестве крайней меры и поиск альтернатив',
    'Укрепление консульской защиты, помощи и сотрудничества на протяжении всего миграционного цикла',
    'Обеспечение доступа мигрантов к базовым услугам',
    'Расширение прав и возможностей мигрантов и общества в целях их полной интеграции и социальной сплоченности',
    'Искоренение всех форм дискриминации и поощрение основанного на фактах общественного дискурса в целях формирования представлений о миграции',
    'Инвестирование в развитие навыков и содействие взаимному признанию навыков, квалификаций и компетенций',
    'Создание условий, позволяющих мигрантам и диаспорам в полной мере вносить вклад в устойчивое развитие во всех странах',
    'Содействие более быстрому, безопасному и дешевому переводу денежных средств и финансовой интеграции мигрантов',
    'Сотрудничество в содействии безопасному и достойному возвращению и реадмиссии, а также устойчивой реинтеграции',
    'Создание механизмов переносимости прав на социальное обеспечение и заработанных пособий',
    'Укрепление международного сотрудничества и глобальных партнерств в интересах безопасной, упорядоченной и легальной миграции',
  ],
  // Chinese: no official text could be read here; all 23 are ours, in the wording of the Chinese GCM
  // title (《安全、有序和正常移民全球契约》). not found in an official source: translated
  zh: [
    '收集和利用准确的分类数据，作为循证政策的依据',
    '尽量减少迫使人们离开原籍国的不利驱动因素和结构性因素',
    '在移民的各个阶段提供准确和及时的信息',
    '确保所有移民都有合法身份证明和适当证件',
    '提高正常移民途径的可用性和灵活性',
    '促进公平和合乎道德的招聘，保障确保体面工作的条件',
    '应对和减少移民过程中的脆弱性',
    '拯救生命，在失踪移民问题上开展协调一致的国际努力',
    '加强跨国应对偷运移民行为',
    '在国际移民背景下预防、打击和消除人口贩运',
    '以综合、安全和协调的方式管理边界',
    '加强移民程序的确定性和可预测性，以便进行适当的甄别、评估和转介',
    '仅将移民拘留作为最后手段，并努力寻求替代办法',
    '在整个移民周期中加强领事保护、援助与合作',
    '为移民提供获得基本服务的机会',
    '增强移民和社会的权能，以实现充分包容和社会凝聚力',
    '消除一切形式的歧视，促进以证据为基础的公共言论，以塑造对移民问题的看法',
    '投资于技能开发，促进技能、资格和能力的相互承认',
    '创造条件，使移民和侨民能够为所有国家的可持续发展作出充分贡献',
    '促进更快、更安全和更便宜的汇款，推动移民的金融包容',
    '开展合作，便利安全而有尊严的返回和重新接纳以及可持续的重新融入',
    '建立社会保障权利和既得福利的可携带机制',
    '加强国际合作和全球伙伴关系，促进安全、有序和正常移民',
  ],
};

export const CATEGORY_LABELS: Record<LabelLanguage, Record<StakeholderCategory, string>> = {
  en: STAKEHOLDER_CATEGORIES,
  // French: the official wording of paragraph 15 (j) (as quoted on migrationnetwork.un.org/fr) where it
  // names the same actor; the other entries are marked.
  fr: {
    migrants: 'Migrants',
    civil_society: 'Société civile',
    migrant_diaspora_organizations: 'Organisations de migrants et de la diaspora', // not found in an official source: translated
    faith_based_organizations: 'Organisations confessionnelles', // not found in an official source: translated
    local_authorities_communities: 'Autorités et collectivités locales', // not found in an official source: translated
    private_sector: 'Le secteur privé',
    trade_unions: 'Syndicats',
    parliamentarians: 'Parlementaires',
    national_human_rights_institutions: 'Institutions nationales de défense des droits de l’homme',
    red_cross_red_crescent: 'Le Mouvement international de la Croix-Rouge et du Croissant-Rouge', // not found in an official source: translated
    academia: 'Milieux universitaires',
    media: 'Les médias',
    other_stakeholders: 'Autres acteurs concernés',
    un_system: 'Entités du système des Nations Unies', // not in the resolution: ours
  },
  // Spanish, Arabic, Russian, Chinese: paragraph 44 could not be read in these languages here.
  // not found in an official source: translated (all entries)
  es: {
    migrants: 'Migrantes',
    civil_society: 'Sociedad civil',
    migrant_diaspora_organizations: 'Organizaciones de migrantes y de la diáspora',
    faith_based_organizations: 'Organizaciones confesionales',
    local_authorities_communities: 'Autoridades y comunidades locales',
    private_sector: 'El sector privado',
    trade_unions: 'Sindicatos',
    parliamentarians: 'Parlamentarios',
    national_human_rights_institutions: 'Instituciones nacionales de derechos humanos',
    red_cross_red_crescent: 'El Movimiento Internacional de la Cruz Roja y de la Media Luna Roja',
    academia: 'Círculos académicos',
    media: 'Los medios de comunicación',
    other_stakeholders: 'Otros interesados pertinentes',
    un_system: 'Entidades del sistema de las Naciones Unidas',
  },
  // not found in an official source: translated (all entries)
  ar: {
    migrants: 'المهاجرون',
    civil_society: 'المجتمع المدني',
    migrant_diaspora_organizations: 'منظمات المهاجرين والمغتربين',
    faith_based_organizations: 'المنظمات الدينية',
    local_authorities_communities: 'السلطات والمجتمعات المحلية',
    private_sector: 'القطاع الخاص',
    trade_unions: 'النقابات العمالية',
    parliamentarians: 'البرلمانيون',
    national_human_rights_institutions: 'المؤسسات الوطنية لحقوق الإنسان',
    red_cross_red_crescent: 'الحركة الدولية للصليب الأحمر والهلال الأحمر',
    academia: 'الأوساط الأكاديمية',
    media: 'وسائط الإعلام',
    other_stakeholders: 'الجهات المعنية الأخرى ذات الصلة',
    un_system: 'كيانات منظومة الأمم المتحدة',
  },
  // not found in an official source: translated (all entries)
  ru: {
    migrants: 'Мигранты',
    civil_society: 'Гражданское общество',
    migrant_diaspora_organizations: 'Организации мигрантов и диаспор',
    faith_based_organizations: 'Религиозные организации',
    local_authorities_communities: 'Местные органы власти и общины',
    private_sector: 'Частный сектор',
    trade_unions: 'Профсоюзы',
    parliamentarians: 'Парламентарии',
    national_human_rights_institutions: 'Национальные правозащитные учреждения',
    red_cross_red_crescent: 'Международное движение Красного Креста и Красного Полумесяца',
    academia: 'Научные круги',
    media: 'Средства массовой информации',
    other_stakeholders: 'Другие соответствующие заинтересованные стороны',
    un_system: 'Структуры системы Организации Объединенных Наций',
  },
  // not found in an official source: translated (all entries)
  zh: {
    migrants: '移民',
    civil_society: '民间社会',
    migrant_diaspora_organizations: '移民和侨民组织',
    faith_based_organizations: '信仰组织',
    local_authorities_communities: '地方当局和社区',
    private_sector: '私营部门',
    trade_unions: '工会',
    parliamentarians: '议员',
    national_human_rights_institutions: '国家人权机构',
    red_cross_red_crescent: '国际红十字与红新月运动',
    academia: '学术界',
    media: '媒体',
    other_stakeholders: '其他相关利益攸关方',
    un_system: '联合国系统实体',
  },
};

/** Interface wording (not in the resolution): ours in every language but English. */
export const KIND_LABELS: Record<LabelLanguage, Record<SubmissionKind, string>> = {
  en: SUBMISSION_KINDS,
  fr: { comment: 'Commentaire', research_report: 'Rapport de recherche', recommendation: 'Recommandation', data: 'Données', feedback: 'Retour d’information' },
  es: { comment: 'Comentario', research_report: 'Informe de investigación', recommendation: 'Recomendación', data: 'Datos', feedback: 'Observaciones' },
  ar: { comment: 'تعليق', research_report: 'تقرير بحثي', recommendation: 'توصية', data: 'بيانات', feedback: 'ملاحظات' },
  ru: { comment: 'Комментарий', research_report: 'Исследовательский доклад', recommendation: 'Рекомендация', data: 'Данные', feedback: 'Отзыв' },
  zh: { comment: '评论', research_report: '研究报告', recommendation: '建议', data: '数据', feedback: '反馈意见' },
};

const englishRegions = Object.fromEntries(
  REGIONS.map((region) => [region.code, { name: region.name, commission: region.commission }]),
) as Record<RegionCode, RegionLabel>;

/**
 * Commissions: their official names in each language (UN terminology; see the doc for which were
 * confirmed in a source here). Region names: ours (the reviews' own shorthand, not official names).
 */
export const REGION_LABELS: Record<LabelLanguage, Record<RegionCode, RegionLabel>> = {
  en: englishRegions,
  fr: {
    ECA: { name: 'Afrique', commission: 'Commission économique pour l’Afrique' },
    ECLAC: { name: 'Amérique latine et Caraïbes', commission: 'Commission économique pour l’Amérique latine et les Caraïbes' },
    ESCAP: { name: 'Asie et Pacifique', commission: 'Commission économique et sociale pour l’Asie et le Pacifique' },
    ESCWA: { name: 'Région arabe', commission: 'Commission économique et sociale pour l’Asie occidentale' },
    UNECE: { name: 'Europe, Amérique du Nord, Asie centrale', commission: 'Commission économique des Nations Unies pour l’Europe' },
  },
  es: {
    ECA: { name: 'África', commission: 'Comisión Económica para África' },
    ECLAC: { name: 'América Latina y el Caribe', commission: 'Comisión Económica para América Latina y el Caribe' },
    ESCAP: { name: 'Asia y el Pacífico', commission: 'Comisión Económica y Social para Asia y el Pacífico' },
    ESCWA: { name: 'Región árabe', commission: 'Comisión Económica y Social para Asia Occidental' },
    UNECE: { name: 'Europa, América del Norte, Asia Central', commission: 'Comisión Económica de las Naciones Unidas para Europa' },
  },
  ar: {
    ECA: { name: 'أفريقيا', commission: 'اللجنة الاقتصادية لأفريقيا' },
    ECLAC: { name: 'أمريكا اللاتينية ومنطقة البحر الكاريبي', commission: 'اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي' },
    ESCAP: { name: 'آسيا والمحيط الهادئ', commission: 'اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ' },
    ESCWA: { name: 'المنطقة العربية', commission: 'اللجنة الاقتصادية والاجتماعية لغربي آسيا' },
    UNECE: { name: 'أوروبا وأمريكا الشمالية وآسيا الوسطى', commission: 'لجنة الأمم المتحدة الاقتصادية لأوروبا' },
  },
  ru: {
    ECA: { name: 'Африка', commission: 'Экономическая комиссия для Африки' },
    ECLAC: { name: 'Латинская Америка и Карибский бассейн', commission: 'Экономическая комиссия для Латинской Америки и Карибского бассейна' },
    ESCAP: { name: 'Азия и Тихий океан', commission: 'Экономическая и социальная комиссия для Азии и Тихого океана' },
    ESCWA: { name: 'Арабский регион', commission: 'Экономическая и социальная комиссия для Западной Азии' },
    UNECE: { name: 'Европа, Северная Америка, Центральная Азия', commission: 'Европейская экономическая комиссия ООН' },
  },
  zh: {
    ECA: { name: '非洲', commission: '非洲经济委员会' },
    ECLAC: { name: '拉丁美洲和加勒比', commission: '拉丁美洲和加勒比经济委员会' },
    ESCAP: { name: '亚洲及太平洋', commission: '亚洲及太平洋经济社会委员会' },
    ESCWA: { name: '阿拉伯区域', commission: '西亚经济社会委员会' },
    UNECE: { name: '欧洲、北美、中亚', commission: '联合国欧洲经济委员会' },
  },
};

/**
 * The name of each UN language written in each language, capitalised as an item of a list of
 * options (French, Spanish and Russian capitalise the first letter there; Arabic and Chinese have
 * no case). Chinese uses the UN's own forms (英文, 中文…).
 */
export const LANGUAGE_NAMES: Record<LabelLanguage, Record<LabelLanguage, string>> = {
  en: Object.fromEntries(UN_LANGUAGES.map((language) => [language.code, language.name])) as Record<LabelLanguage, string>,
  fr: { en: 'Anglais', fr: 'Français', es: 'Espagnol', ar: 'Arabe', ru: 'Russe', zh: 'Chinois' },
  es: { en: 'Inglés', fr: 'Francés', es: 'Español', ar: 'Árabe', ru: 'Ruso', zh: 'Chino' },
  ar: { en: 'الإنكليزية', fr: 'الفرنسية', es: 'الإسبانية', ar: 'العربية', ru: 'الروسية', zh: 'الصينية' },
  ru: { en: 'Английский', fr: 'Французский', es: 'Испанский', ar: 'Арабский', ru: 'Русский', zh: 'Китайский' },
  zh: { en: '英文', fr: '法文', es: '西班牙文', ar: '阿拉伯文', ru: '俄文', zh: '中文' },
};

/**
 * Maps an admin/browser locale ('fr', 'fr-FR', 'fr_CA', 'zh-Hans', 'zh-CN', 'es-419', 'ar'…) to one
 * of the six label languages by its primary language subtag; English for anything else.
 */
export function labelLanguage(locale: unknown): LabelLanguage {
  // Stored values and query parameters arrive here too: anything but a string is English.
  if (typeof locale !== 'string' || !locale) return 'en';
  const primary = locale.trim().toLowerCase().replace(/_/g, '-').split('-')[0];
  return (LABEL_LANGUAGES as readonly string[]).includes(primary) ? (primary as LabelLanguage) : 'en';
}
