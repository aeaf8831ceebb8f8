import { IntlMessageFormat } from 'intl-messageformat';
import type { LanguageCode } from '../../../../../reference/gcm';

/**
 * The e-mails of the moderation plugin in the six UN languages, as ICU MessageFormat (the syntax
 * react-intl reads): each message is a whole sentence or text, never assembled from pieces, so that
 * word order and plurals stay the translator's. Apostrophes are typographic (’): a straight one
 * before a brace would start an ICU quotation.
 */

/** What each message is given; titles, reasons and region names are inserted as written. */
export type EmailValues = {
  'approved.subject': Record<string, never>;
  'approved.body': { title: string };
  'rejected.subject': Record<string, never>;
  'rejected.body': { title: string; reason: string };
  'returned.subject': Record<string, never>;
  'returned.body': { title: string; note: string };
  'warned.subject': Record<string, never>;
  'warned.body': { message: string };
  'suspended.subject': Record<string, never>;
  'suspended.body': { reason: string; until: string };
  'blocked.subject': Record<string, never>;
  'blocked.body': { reason: string };
  'lifted.subject': Record<string, never>;
  'lifted.body': Record<string, never>;
  'replied.subject': Record<string, never>;
  'replied.body': { title: string };
  'submitted.subject': { region: string; title: string };
  'submitted.body': { regionName: string; title: string; link: string };
  'digest.subject': { region: string; count: number };
  'digest.body': { regionName: string; count: number; titles: string; link: string };
};

export type EmailKey = keyof EmailValues;

export const EMAILS: { [K in EmailKey]: Record<LanguageCode, string> } = {
  'approved.subject': {
    en: 'Your submission is published',
    fr: 'Votre contribution a été publiée',
    es: 'Su contribución ha sido publicada',
    ar: 'تم نشر مشاركتكم',
    ru: 'Ваш материал опубликован',
    zh: '您提交的内容已发布',
  },
  'approved.body': {
    en: 'Dear participant,\n\nYour submission "{title}" has been approved by a moderator and is now published in the discussion space.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nVotre contribution «\u00a0{title}\u00a0» a été approuvée par l’équipe de modération et est désormais publiée dans l’espace de discussion.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nSu contribución «{title}» ha sido aprobada por el equipo de moderación y ya está publicada en el espacio de debate.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nيسرّنا إبلاغكم بأن فريق الإشراف قد وافق على مشاركتكم «{title}»، وقد نُشرت الآن في منتدى النقاش.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nВаш материал «{title}» одобрен модератором и опубликован на дискуссионной площадке.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n您提交的“{title}”已由审核员审核通过，现已在讨论区发布。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'rejected.subject': {
    en: 'Your submission was not approved',
    fr: 'Votre contribution n’a pas été retenue',
    es: 'Su contribución no ha sido aprobada',
    ar: 'لم تتم الموافقة على مشاركتكم',
    ru: 'Ваш материал не одобрен',
    zh: '您提交的内容未通过审核',
  },
  'rejected.body': {
    en: 'Dear participant,\n\nWe regret to inform you that your submission "{title}" was not approved by the moderators.\n\nReason: {reason}\n\nYou can see your submission, with this reason, in your own list of submissions.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nNous avons le regret de vous informer que votre contribution «\u00a0{title}\u00a0» n’a pas été retenue par l’équipe de modération.\n\nMotif\u00a0: {reason}\n\nVous pouvez consulter votre contribution, accompagnée de ce motif, dans la liste de vos contributions.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nLamentamos informarle de que su contribución «{title}» no ha sido aprobada por el equipo de moderación.\n\nMotivo: {reason}\n\nPuede consultar su contribución, junto con este motivo, en su lista de contribuciones.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nنأسف لإبلاغكم بأن فريق الإشراف لم يوافق على مشاركتكم «{title}».\n\nالسبب: {reason}\n\nيمكنكم الاطلاع على مشاركتكم، مع بيان هذا السبب، في قائمة مشاركاتكم.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nС сожалением сообщаем, что модераторы не одобрили Ваш материал «{title}».\n\nПричина: {reason}\n\nВаш материал с указанием этой причины доступен в Вашем списке материалов.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n很遗憾地通知您，您提交的“{title}”未通过审核。\n\n理由：{reason}\n\n您可在自己的提交列表中查看该内容及上述理由。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'returned.subject': {
    en: 'Your submission needs a change before it can be published',
    fr: 'Votre contribution doit être modifiée avant de pouvoir être publiée',
    es: 'Su contribución requiere una modificación antes de poder publicarse',
    ar: 'تحتاج مشاركتكم إلى تعديل قبل نشرها',
    ru: 'Ваш материал необходимо изменить перед публикацией',
    zh: '您提交的内容需修改后方可发布',
  },
  'returned.body': {
    en: 'Dear participant,\n\nA moderator has returned your submission "{title}" to you, asking for a change before it can be published:\n\n{note}\n\nYou can change it and send it again from your own list of submissions. It stays unpublished until then.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération vous a renvoyé votre contribution «\u00a0{title}\u00a0» et vous demande d’y apporter une modification avant qu’elle puisse être publiée\u00a0:\n\n{note}\n\nVous pouvez la modifier et la soumettre à nouveau depuis la liste de vos contributions. D’ici là, elle reste non publiée.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación le ha devuelto su contribución «{title}» y le solicita que introduzca una modificación antes de que pueda publicarse:\n\n{note}\n\nPuede modificarla y volver a enviarla desde su lista de contribuciones. Hasta entonces, no se publicará.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nأعاد إليكم أحد المشرفين مشاركتكم «{title}»، طالبًا إدخال تعديل عليها قبل نشرها:\n\n{note}\n\nيمكنكم تعديلها وإرسالها من جديد من قائمة مشاركاتكم، وستظل غير منشورة إلى حين ذلك.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодератор вернул Вам материал «{title}» с просьбой внести изменение перед публикацией:\n\n{note}\n\nВы можете изменить материал и повторно отправить его из Вашего списка материалов. До этого момента он не будет опубликован.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已退回您提交的“{title}”，请您作出以下修改后方可发布：\n\n{note}\n\n您可在自己的提交列表中修改并重新提交该内容。在此之前，该内容不会发布。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'warned.subject': {
    en: 'A message from the moderators of the discussion space',
    fr: 'Message de l’équipe de modération de l’espace de discussion',
    es: 'Mensaje del equipo de moderación del espacio de debate',
    ar: 'رسالة من فريق الإشراف على منتدى النقاش',
    ru: 'Сообщение модераторов дискуссионной площадки',
    zh: '讨论区审核员致您的消息',
  },
  'warned.body': {
    en: 'Dear participant,\n\nThe moderators of the discussion space ask you to note the following about your contributions:\n\n{message}\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération de l’espace de discussion vous prie de bien vouloir prendre note de ce qui suit concernant vos contributions\u00a0:\n\n{message}\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación del espacio de debate le ruega que tome nota de lo siguiente en relación con sus contribuciones:\n\n{message}\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nيرجو فريق الإشراف على منتدى النقاش أن تحيطوا علمًا بما يلي بشأن مشاركاتكم:\n\n{message}\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодераторы дискуссионной площадки просят Вас принять к сведению следующее в отношении Ваших материалов:\n\n{message}\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n讨论区审核员请您注意以下与您所提交内容有关的事项：\n\n{message}\n\n此致\n敬礼\n\n审核团队\n',
  },
  'suspended.subject': {
    en: 'You cannot post in the discussion spaces for a while',
    fr: 'Votre accès à la publication dans les espaces de discussion est temporairement suspendu',
    es: 'Se ha suspendido temporalmente su facultad de publicar en los espacios de debate',
    ar: 'تم تعليق حقكم في النشر في منتديات النقاش مؤقتًا',
    ru: 'Возможность размещать материалы на дискуссионных площадках временно приостановлена',
    zh: '您在各讨论区发布内容的权限已被暂停',
  },
  'suspended.body': {
    en: 'Dear participant,\n\nThe moderators have suspended your posting in the discussion spaces until {until} (UTC).\n\nReason: {reason}\n\nYou can still read the discussions and your own submissions. Submissions of yours that are waiting for moderation will still be decided.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération a suspendu votre accès à la publication dans les espaces de discussion jusqu’au {until} (UTC).\n\nMotif\u00a0: {reason}\n\nVous pouvez toujours consulter les discussions et vos propres contributions. Vos contributions en attente de modération continueront d’être examinées.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación ha suspendido su facultad de publicar en los espacios de debate hasta el {until} (UTC).\n\nMotivo: {reason}\n\nPuede seguir consultando los debates y sus propias contribuciones. Sus contribuciones pendientes de moderación se seguirán examinando.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nقرر فريق الإشراف تعليق حقكم في النشر في منتديات النقاش حتى {until} (بالتوقيت العالمي المنسق).\n\nالسبب: {reason}\n\nولا يزال بإمكانكم الاطلاع على المناقشات وعلى مشاركاتكم. وسيُبتّ في مشاركاتكم التي لا تزال بانتظار المراجعة.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодераторы приостановили Вам возможность размещать материалы на дискуссионных площадках до {until} (UTC).\n\nПричина: {reason}\n\nВы по-прежнему можете просматривать обсуждения и свои материалы. Ваши материалы, ожидающие модерации, будут рассмотрены в обычном порядке.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已暂停您在各讨论区发布内容的权限，直至{until}（协调世界时）。\n\n理由：{reason}\n\n您仍可阅读讨论内容并查看自己提交的内容。您提交的待审核内容仍将照常审核。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'blocked.subject': {
    en: 'You can no longer post in the discussion spaces',
    fr: 'Vous ne pouvez plus publier dans les espaces de discussion',
    es: 'Ya no puede publicar en los espacios de debate',
    ar: 'لم يعد بإمكانكم النشر في منتديات النقاش',
    ru: 'Вы больше не можете размещать материалы на дискуссионных площадках',
    zh: '您已无法在各讨论区发布内容',
  },
  'blocked.body': {
    en: 'Dear participant,\n\nThe moderators have blocked your posting in the discussion spaces.\n\nReason: {reason}\n\nYou can still read the discussions and your own submissions. If you think this is a mistake, reply to this message.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération a bloqué votre accès à la publication dans les espaces de discussion.\n\nMotif\u00a0: {reason}\n\nVous pouvez toujours consulter les discussions et vos propres contributions. Si vous estimez qu’il s’agit d’une erreur, veuillez répondre au présent message.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación ha bloqueado su facultad de publicar en los espacios de debate.\n\nMotivo: {reason}\n\nPuede seguir consultando los debates y sus propias contribuciones. Si considera que se trata de un error, le rogamos que responda a este mensaje.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nقرر فريق الإشراف حظر النشر من جانبكم في منتديات النقاش.\n\nالسبب: {reason}\n\nولا يزال بإمكانكم الاطلاع على المناقشات وعلى مشاركاتكم. وإذا رأيتم أن هذا القرار قد اتُّخذ عن طريق الخطأ، يُرجى الرد على هذه الرسالة.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодераторы заблокировали Вам возможность размещать материалы на дискуссионных площадках.\n\nПричина: {reason}\n\nВы по-прежнему можете просматривать обсуждения и свои материалы. Если Вы считаете, что это ошибка, просим ответить на это сообщение.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已禁止您在各讨论区发布内容。\n\n理由：{reason}\n\n您仍可阅读讨论内容并查看自己提交的内容。如您认为此决定有误，请回复本邮件。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'lifted.subject': {
    en: 'You can post in the discussion spaces again',
    fr: 'Vous pouvez de nouveau publier dans les espaces de discussion',
    es: 'Ya puede volver a publicar en los espacios de debate',
    ar: 'أصبح بإمكانكم النشر مجددًا في منتديات النقاش',
    ru: 'Вы снова можете размещать материалы на дискуссионных площадках',
    zh: '您可以重新在各讨论区发布内容',
  },
  'lifted.body': {
    en: 'Dear participant,\n\nThe moderators have lifted the restriction on your posting: you can post in the discussion spaces again.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération a levé la restriction qui s’appliquait à vos publications\u00a0: vous pouvez de nouveau publier dans les espaces de discussion.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación ha levantado la restricción que se le había impuesto para publicar: ya puede volver a publicar en los espacios de debate.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nرفع فريق الإشراف القيد الذي كان مفروضًا على حقكم في النشر، وأصبح بإمكانكم النشر مجددًا في منتديات النقاش.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодераторы сняли ограничение на размещение Вами материалов: Вы снова можете размещать материалы на дискуссионных площадках.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已解除对您发布内容的限制，您现在可以重新在各讨论区发布内容。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'replied.subject': {
    en: 'A moderator replied to your submission',
    fr: 'L’équipe de modération a répondu à votre contribution',
    es: 'El equipo de moderación ha respondido a su contribución',
    ar: 'ردّ أحد المشرفين على مشاركتكم',
    ru: 'Модератор ответил на Ваш материал',
    zh: '审核员已回复您提交的内容',
  },
  'replied.body': {
    en: 'Dear participant,\n\nA moderator has replied to your submission "{title}". The reply is shown with your submission while it is published.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération a répondu à votre contribution «\u00a0{title}\u00a0». Cette réponse est affichée avec votre contribution tant que celle-ci est publiée.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación ha respondido a su contribución «{title}». La respuesta se muestra junto con su contribución mientras esta permanezca publicada.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nردّ أحد المشرفين على مشاركتكم «{title}». ويُعرض الرد مع مشاركتكم طوال مدة نشرها.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодератор ответил на Ваш материал «{title}». Ответ отображается вместе с Вашим материалом в течение всего срока его публикации.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已回复您提交的“{title}”。在该内容发布期间，回复将与其一并显示。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'submitted.subject': {
    en: '[{region}] New submission waiting: {title}',
    fr: '[{region}] Nouvelle contribution en attente\u00a0: {title}',
    es: '[{region}] Nueva contribución pendiente: {title}',
    ar: '[{region}] مشاركة جديدة بانتظار المراجعة: {title}',
    ru: '[{region}] Новый материал ожидает модерации: {title}',
    zh: '[{region}] 新提交内容待审核：{title}',
  },
  'submitted.body': {
    en: 'A new submission is waiting for moderation in the {regionName} discussion space:\n\n  {title}\n\nOpen it: {link}\n',
    fr: 'Une nouvelle contribution est en attente de modération dans l’espace de discussion «\u00a0{regionName}\u00a0»\u00a0:\n\n  {title}\n\nPour l’ouvrir\u00a0: {link}\n',
    es: 'Hay una nueva contribución pendiente de moderación en el espacio de debate «{regionName}»:\n\n  {title}\n\nPara abrirla: {link}\n',
    ar: 'توجد مشاركة جديدة بانتظار المراجعة في منتدى النقاش «{regionName}»:\n\n  {title}\n\nلفتحها: {link}\n',
    ru: 'На дискуссионной площадке «{regionName}» новый материал ожидает модерации:\n\n  {title}\n\nОткрыть: {link}\n',
    zh: '“{regionName}”讨论区有一条新提交的内容待审核：\n\n  {title}\n\n点击打开：{link}\n',
  },
  'digest.subject': {
    en: '[{region}] {count, plural, one {# new submission waiting} other {# new submissions waiting}}',
    fr: '[{region}] {count, plural, one {# nouvelle contribution en attente} other {# nouvelles contributions en attente}}',
    es: '[{region}] {count, plural, one {# nueva contribución pendiente} other {# nuevas contribuciones pendientes}}',
    ar: '[{region}] {count, plural, one {مشاركة جديدة واحدة بانتظار المراجعة} two {مشاركتان جديدتان بانتظار المراجعة} few {# مشاركات جديدة بانتظار المراجعة} other {# مشاركة جديدة بانتظار المراجعة}}',
    ru: '[{region}] {count, plural, one {# новый материал ожидает модерации} few {# новых материала ожидают модерации} many {# новых материалов ожидают модерации} other {# нового материала ожидают модерации}}',
    zh: '[{region}] {count, plural, other {# 条新提交内容待审核}}',
  },
  'digest.body': {
    en: '{count, plural, one {# new submission in the {regionName} discussion space since the last digest:} other {# new submissions in the {regionName} discussion space since the last digest:}}\n\n{titles}\n\nThe queue: {link}\n',
    fr: '{count, plural, one {# nouvelle contribution dans l’espace de discussion «\u00a0{regionName}\u00a0» depuis le dernier récapitulatif\u00a0:} other {# nouvelles contributions dans l’espace de discussion «\u00a0{regionName}\u00a0» depuis le dernier récapitulatif\u00a0:}}\n\n{titles}\n\nFile d’attente\u00a0: {link}\n',
    es: '{count, plural, one {# nueva contribución en el espacio de debate «{regionName}» desde el último resumen:} other {# nuevas contribuciones en el espacio de debate «{regionName}» desde el último resumen:}}\n\n{titles}\n\nCola de moderación: {link}\n',
    ar: '{count, plural, one {وردت مشاركة جديدة واحدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} two {وردت مشاركتان جديدتان إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} few {وردت # مشاركات جديدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} other {وردت # مشاركة جديدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:}}\n\n{titles}\n\nالمشاركات بانتظار المراجعة: {link}\n',
    ru: '{count, plural, one {С момента последней сводки на дискуссионной площадке «{regionName}» появился # новый материал:} few {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # новых материала:} many {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # новых материалов:} other {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # нового материала:}}\n\n{titles}\n\nОчередь модерации: {link}\n',
    zh: '{count, plural, other {自上次汇总以来，“{regionName}”讨论区共有 # 条新提交的内容：}}\n\n{titles}\n\n审核队列：{link}\n',
  },
};

// UN Arabic texts write numbers in Western digits, whatever the ICU data's default for 'ar'.
const LOCALES: Record<LanguageCode, string> = { en: 'en', fr: 'fr', es: 'es', ar: 'ar-u-nu-latn', ru: 'ru', zh: 'zh' };

const compiled = new Map<string, IntlMessageFormat>();

/** One message of the catalogue in one language, with its values. */
export function formatEmail<K extends EmailKey>(language: LanguageCode, key: K, values: EmailValues[K]): string {
  const id = `${language}:${key}`;
  let message = compiled.get(id);
  if (!message) {
    // ignoreTag: the e-mails are plain text, a '<' in them is not markup.
    message = new IntlMessageFormat(EMAILS[key][language], LOCALES[language], undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  const out = message.format(values as Record<string, string | number>);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** A moment as the reader's language writes it, in UTC (the e-mail says so). */
export function formatEmailDate(language: LanguageCode, moment: Date): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(moment);
}
