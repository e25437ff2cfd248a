import type { Language } from '@portal/shared';

/**
 * Our own bilingual catalogue: problem titles and details by stable code, and the field messages of
 * custom validation issues (zod's own issues are worded by zod's bg/en locales).
 */
type Values = Record<string, string | number>;
type Entry = Record<Language, string>;

export const messages = {
  // ---------- problems (title, detail) ----------
  'validation.failed.title': { bg: 'Невалидни данни', en: 'Invalid request' },
  'validation.failed.detail': {
    bg: 'Някои стойности в заявката са невалидни; вижте грешките по полета.',
    en: 'Some values in the request are invalid; see the field errors.',
  },
  'route.not_found.title': { bg: 'Няма такъв адрес', en: 'Not found' },
  'route.not_found.detail': {
    bg: 'Адресът {path} не съществува.',
    en: 'There is nothing at {path}.',
  },
  'organization.not_found.title': { bg: 'Организацията не е намерена', en: 'Organisation not found' },
  'organization.not_found.detail': {
    bg: 'Няма публично вписан член на клъстера с този идентификатор.',
    en: 'No publicly listed member of the cluster has this identifier.',
  },
  'organization.former_member.title': {
    bg: 'Организацията вече не е член на клъстера',
    en: 'The organisation is no longer a member of the cluster',
  },
  'organization.former_member.detail': {
    bg: 'Членството на организацията в клъстера е прекратено, затова профилът ѝ вече не е публичен.',
    en: "The organisation's membership of the cluster has ended, so its profile is no longer public.",
  },
  'user.not_found.title': { bg: 'Потребителят не е намерен', en: 'User not found' },
  'user.not_found.detail': {
    bg: 'Няма потребител с този идентификатор.',
    en: 'There is no user with this identifier.',
  },
  'user.already_erased.title': { bg: 'Потребителят вече е изтрит', en: 'User already erased' },
  'user.already_erased.detail': {
    bg: 'Личните данни на този потребител вече са изтрити.',
    en: "This user's personal data has already been erased.",
  },
  'user.self_erase.title': { bg: 'Действието е отказано', en: 'Action refused' },
  'user.self_erase.detail': {
    bg: 'Собствения си профил изтривате от страницата „Моят профил“.',
    en: 'You erase your own account on the "My account" page.',
  },
  'account.only_representative.title': {
    bg: 'Вие сте единственият представител',
    en: 'You are the only representative',
  },
  'account.only_representative.detail': {
    bg: 'Вие сте единственият представител на {names}. Поканете колега за представител или се обърнете към комитета, преди да изтриете профила си.',
    en: 'You are the only representative of {names}. Invite a colleague as a representative or ask the committee before you erase your account.',
  },
  'session.not_found.title': { bg: 'Сесията не е намерена', en: 'Session not found' },
  'session.not_found.detail': {
    bg: 'Няма ваша активна сесия с този идентификатор.',
    en: 'You have no active session with this identifier.',
  },
  'representative.not_found.title': { bg: 'Представителят не е намерен', en: 'Representative not found' },
  'representative.not_found.detail': {
    bg: 'Този потребител не е представител на организацията.',
    en: 'This user is not a representative of the organisation.',
  },
  'representative.last.title': { bg: 'Последният представител', en: 'The last representative' },
  'representative.last.detail': {
    bg: 'Организацията трябва да има поне един представител. Поканете колега и след като приеме, можете да премахнете този представител.',
    en: 'An organisation must keep at least one representative. Invite a colleague; once they accept, this representative can be removed.',
  },
  'representative.already.title': { bg: 'Вече е представител', en: 'Already a representative' },
  'representative.already.detail': {
    bg: 'Потребителят с този имейл вече представлява организацията.',
    en: 'The user with this email already represents the organisation.',
  },
  'invitation.not_found.title': { bg: 'Поканата не е намерена', en: 'Invitation not found' },
  'invitation.not_found.detail': {
    bg: 'Няма такава покана. Проверете дали сте отворили цялата връзка от имейла.',
    en: 'There is no such invitation. Check that you opened the whole link from the email.',
  },
  'invitation.expired.title': { bg: 'Поканата е изтекла', en: 'Invitation expired' },
  'invitation.expired.detail': {
    bg: 'Срокът на тази покана изтече. Помолете колегата си да ви изпрати нова.',
    en: 'This invitation has expired. Ask your colleague to send you a new one.',
  },
  'invitation.used.title': { bg: 'Поканата вече е използвана', en: 'Invitation already used' },
  'invitation.used.detail': {
    bg: 'Тази покана вече е приета. Помолете колегата си да ви изпрати нова, ако е нужно.',
    en: 'This invitation has already been accepted. Ask your colleague for a new one if needed.',
  },
  'invitation.revoked.title': { bg: 'Поканата е оттеглена', en: 'Invitation revoked' },
  'invitation.revoked.detail': {
    bg: 'Тази покана е оттеглена от представител на организацията.',
    en: 'A representative of the organisation has revoked this invitation.',
  },
  'invitation.email_mismatch.title': { bg: 'Поканата е за друг имейл', en: 'Invitation for another email' },
  'invitation.email_mismatch.detail': {
    bg: 'Поканата е изпратена до {email}. Влезте с профила с този имейл, за да я приемете.',
    en: 'The invitation was sent to {email}. Log in with the account of that email to accept it.',
  },
  'invitation.membership_inactive.title': {
    bg: 'Организацията не е действащ член',
    en: 'The organisation is not an active member',
  },
  'invitation.membership_inactive.detail': {
    bg: 'Членството на организацията в клъстера е спряно или прекратено (или тя още не е приета), затова не могат да се добавят нови представители.',
    en: "The organisation's membership of the cluster is suspended or has ended (or it has not been admitted yet), so no new representatives can be added.",
  },
  'membership.inactive.title': {
    bg: 'Само за действащи членове',
    en: 'For active members only',
  },
  'membership.inactive.detail': {
    bg: 'Членството на вашата организация в клъстера е спряно или прекратено (или тя още не е приета), затова нямате достъп до страниците само за членове. Страниците на вашата организация остават достъпни.',
    en: "Your organisation's membership of the cluster is suspended or has ended (or it has not been admitted yet), so members-only pages are not available to you. Your organisation's own pages remain available.",
  },
  'auth.required.title': { bg: 'Необходим е вход', en: 'Sign-in required' },
  'auth.required.detail': {
    bg: 'Влезте в профила си, за да продължите.',
    en: 'Please log in to continue.',
  },
  'auth.forbidden.title': { bg: 'Нямате достъп', en: 'Access denied' },
  'auth.forbidden.detail': {
    bg: 'Профилът ви няма право да извърши това действие.',
    en: 'Your account is not allowed to do this.',
  },
  'auth.invalid_credentials.title': { bg: 'Неуспешен вход', en: 'Log-in failed' },
  'auth.invalid_credentials.detail': {
    bg: 'Имейлът или паролата не са верни.',
    en: 'The email or password is not correct.',
  },
  'auth.email_unverified.title': { bg: 'Имейлът не е потвърден', en: 'Email not confirmed' },
  'auth.email_unverified.detail': {
    bg: 'Отворете връзката, която ви изпратихме по имейл, или поискайте нова.',
    en: 'Open the link we emailed you, or ask for a new one.',
  },
  'user.self_lockout.title': { bg: 'Действието е отказано', en: 'Action refused' },
  'user.self_lockout.detail': {
    bg: 'Не можете да деактивирате себе си или да отнемете собствената си администраторска роля.',
    en: 'You cannot disable yourself or revoke your own administrator role.',
  },
  'rate_limited.title': { bg: 'Твърде много опити', en: 'Too many attempts' },
  'rate_limited.detail': {
    bg: 'Опитайте отново след {seconds} секунди.',
    en: 'Please try again in {seconds} seconds.',
  },
  'csrf.rejected.title': { bg: 'Заявката е отказана', en: 'Request refused' },
  'csrf.rejected.detail': {
    bg: 'Заявки, променящи данни, се приемат само от страниците на портала.',
    en: 'Requests that change data are accepted only from the portal itself.',
  },
  'application.not_found.title': { bg: 'Заявлението не е намерено', en: 'Application not found' },
  'application.not_found.detail': {
    bg: 'Няма заявление с този идентификатор, до което да имате достъп.',
    en: 'There is no application with this identifier that you can see.',
  },
  'application.transition_invalid.title': { bg: 'Действието не е възможно сега', en: 'Not possible now' },
  'application.transition_invalid.detail': {
    bg: 'Заявлението е в състояние „{state}“ и това действие не е позволено в него.',
    en: 'The application is in the state "{state}", which does not allow this action.',
  },
  'application.documents_full.title': { bg: 'Твърде много документи', en: 'Too many documents' },
  'application.documents_full.detail': {
    bg: 'Към едно заявление могат да се приложат най-много {max} документа.',
    en: 'An application can have at most {max} documents.',
  },
  'application.no_open_vote.title': { bg: 'Няма открито гласуване', en: 'No open vote' },
  'application.no_open_vote.detail': {
    bg: 'По това заявление в момента не се гласува: гласуването е закрито или още не е открито. Нищо не е записано; вижте текущото състояние на заявлението.',
    en: 'There is no vote open on this application: it has been closed or is not open yet. Nothing was recorded; see the application as it is now.',
  },
  'application.recused.title': {
    bg: 'Декларирали сте конфликт на интереси',
    en: 'You declared a conflict of interest',
  },
  'application.recused.detail': {
    bg: 'След деклариран конфликт на интереси не можете да гласувате по това заявление.',
    en: 'Having declared a conflict of interest, you cannot vote on this application.',
  },
  'application.secret_vote_final.title': {
    bg: 'Тайният вот не може да се промени',
    en: 'A secret ballot cannot be changed',
  },
  'application.secret_vote_final.detail': {
    bg: 'Вече сте гласували. При тайно гласуване изборът ви не се пази с името ви, затова не може да бъде променен или оттеглен.',
    en: 'You have already voted. In a secret ballot your choice is not kept with your name, so it cannot be changed or withdrawn.',
  },
  'application.conflict_of_interest.title': {
    bg: 'Конфликт на интереси',
    en: 'Conflict of interest',
  },
  'application.conflict_of_interest.detail': {
    bg: 'Отведени сте автоматично от това заявление, защото {reasonBg}: не можете да го разглеждате, да пишете по него от името на комитета, да гласувате или да ръководите гласуването, и не се броите за кворума.',
    en: 'You are recused from this application automatically because {reasonEn}: you cannot review it, write about it for the committee, vote or run the vote, and you do not count towards the quorum.',
  },
  // ---------- memberships (committee administration) ----------
  'membership.not_found.title': { bg: 'Членството не е намерено', en: 'Membership not found' },
  'membership.not_found.detail': {
    bg: 'Няма организация с членство с този идентификатор.',
    en: 'No organisation with a membership has this identifier.',
  },
  'membership.transition_invalid.title': { bg: 'Действието не е възможно', en: 'Action not possible' },
  'membership.transition_invalid.detail': {
    bg: 'Действието „{actionBg}“ не е възможно за членство със статус „{statusBg}“.',
    en: 'The action "{actionEn}" is not possible for a membership that is {statusEn}.',
  },
  'membership.vote_open.title': { bg: 'Тече гласуване', en: 'A vote is open' },
  'membership.vote_open.detail': {
    bg: 'По промяна на това членство тече гласуване на комитета. Докато председателят не го закрие, членството не може да се променя и не може да се открие друго гласуване.',
    en: 'The committee is voting on a change of this membership. Until the chair closes that vote, the membership cannot be changed and no other vote can be opened.',
  },
  'membership.no_open_vote.title': { bg: 'Няма открито гласуване', en: 'No open vote' },
  'membership.no_open_vote.detail': {
    bg: 'По това членство в момента не се гласува: гласуването е закрито или още не е открито. Нищо не е записано.',
    en: 'There is no vote open on this membership: it has been closed or is not open yet. Nothing was recorded.',
  },
  'membership.conflict_of_interest.title': { bg: 'Конфликт на интереси', en: 'Conflict of interest' },
  'membership.conflict_of_interest.detail': {
    bg: 'Представлявате тази организация, затова не участвате в гласуването за нейното членство.',
    en: 'You represent this organisation, so you take no part in the vote on its membership.',
  },
  'membership.stale.title': { bg: 'Членството вече е променено', en: 'Membership changed in the meantime' },
  'membership.stale.detail': {
    bg: 'Някой друг е променил членството, след като сте го отворили (сега: {statusBg}, {categoryBg}). Прегледайте текущото състояние и повторете действието, ако все още е нужно.',
    en: 'Someone else changed the membership after you opened it (now: {statusEn}, {categoryEn}). Review its current state and repeat the action if it is still needed.',
  },
  'precondition.required.title': { bg: 'Липсва версия на данните', en: 'Version required' },
  'precondition.required.detail': {
    bg: 'Промяната трябва да посочи версията, която сте отворили (заглавка If-Match), за да не презапише чужда редакция.',
    en: 'A change must name the version you opened (the If-Match header), so that it cannot overwrite someone else’s edit.',
  },
  'organization.has_history.title': {
    bg: 'Организацията има история в клъстера',
    en: 'The organisation has a history in the cluster',
  },
  'organization.has_history.detail': {
    bg: 'Само организация без представители, заявления, решения, плащания и промени в членството може да бъде премахната. Прекратете членството ѝ чрез комитета.',
    en: 'Only an organisation with no representatives, applications, decisions, payments or membership changes can be removed. End its membership through the committee instead.',
  },
  'precondition.failed.title': { bg: 'Данните вече са променени', en: 'Changed in the meantime' },
  'precondition.failed.detail': {
    bg: 'Някой друг е записал промени, след като сте отворили тези данни. Заредете ги отново и повторете своите промени.',
    en: 'Someone else saved changes after you opened this. Reload it and make your changes again.',
  },
  'method.not_allowed.title': { bg: 'Методът не е разрешен', en: 'Method not allowed' },
  'method.not_allowed.detail': {
    bg: 'Адресът {path} не приема метода {method}; разрешени са: {allow}.',
    en: '{path} does not accept {method}; allowed: {allow}.',
  },
  'media_type.unsupported.title': { bg: 'Неподдържан формат', en: 'Unsupported media type' },
  'media_type.unsupported.detail': {
    bg: 'Тялото на заявката трябва да е JSON (application/json).',
    en: 'The request body must be JSON (application/json).',
  },
  'body.too_large.title': { bg: 'Твърде голяма заявка', en: 'Payload too large' },
  'body.too_large.detail': {
    bg: 'Тялото на заявката надхвърля допустимите {size} ({limit} байта).',
    en: 'The request body exceeds the allowed {size} ({limit} bytes).',
  },
  'body.invalid_json.title': { bg: 'Невалиден JSON', en: 'Malformed JSON' },
  'body.invalid_json.detail': {
    bg: 'Тялото на заявката не е валиден JSON.',
    en: 'The request body is not valid JSON.',
  },
  'request.bad.title': { bg: 'Невалидна заявка', en: 'Bad request' },
  'request.bad.detail': {
    bg: 'Сървърът не може да обработи тази заявка.',
    en: 'The server cannot process this request.',
  },
  'request.rejected.title': { bg: 'Заявката е отказана', en: 'Request rejected' },
  'request.rejected.detail': {
    bg: 'Сървърът отказа заявката (HTTP {status}).',
    en: 'The server refused the request (HTTP {status}).',
  },
  'service.unavailable.title': { bg: 'Услугата е временно недостъпна', en: 'Service unavailable' },
  'service.unavailable.detail': {
    bg: 'Опитайте отново след малко.',
    en: 'Please try again in a moment.',
  },
  'internal.title': { bg: 'Вътрешна грешка', en: 'Internal server error' },
  'internal.detail': {
    bg: 'Възникна неочаквана грешка. Опитайте отново; ако се повтаря, съобщете номера на заявката {requestId}.',
    en: 'Something went wrong on our side. Please try again; if it persists, quote request id {requestId}.',
  },

  'fees.payment_duplicate.title': { bg: 'Плащането вече е записано', en: 'Payment already recorded' },
  'fees.payment_duplicate.detail': {
    bg: 'Плащане с това основание вече е записано.',
    en: 'A payment with this reference is already recorded.',
  },
  'fees.payment_not_found.title': { bg: 'Плащането не е намерено', en: 'Payment not found' },
  'fees.payment_not_found.detail': {
    bg: 'Няма записано плащане с този идентификатор.',
    en: 'There is no recorded payment with this identifier.',
  },

  'news.not_found.title': { bg: 'Новината не е намерена', en: 'Post not found' },
  'news.not_found.detail': {
    bg: 'Няма такава новина или тя още не е публикувана.',
    en: 'There is no such post, or it is not published yet.',
  },
  'news.stale.title': { bg: 'Новината вече е променена', en: 'Post changed in the meantime' },
  'news.stale.detail': {
    bg: 'Някой друг промени новината, докато я редактирахте. Прегледайте сегашния ѝ вид и опитайте отново.',
    en: 'Someone else changed the post while you were editing it. Review it as it is now and try again.',
  },
  'call.not_found.title': { bg: 'Поканата не е намерена', en: 'Call not found' },
  'call.not_found.detail': {
    bg: 'Няма такава покана за финансиране или тя е премахната.',
    en: 'There is no such funding call, or it was removed.',
  },
  'call.in_use.title': { bg: 'Поканата се използва', en: 'Call in use' },
  'call.in_use.detail': {
    bg: 'Членове са заявили интерес към поканата или по нея има съвместен проект, затова тя (или документът) не може да бъде премахната.',
    en: 'Members are interested in this call or a joint project is built on it, so it (or the document) cannot be removed.',
  },
  'call.closed.title': { bg: 'Поканата е затворена', en: 'Call closed' },
  'call.closed.detail': {
    bg: 'Крайният срок на поканата е изтекъл; интерес вече не може да се заявява.',
    en: "The call's deadline has passed; interest can no longer be marked.",
  },
  'news.transition_invalid.title': { bg: 'Действието не е възможно', en: 'Action not possible' },
  'news.transition_invalid.detail': {
    bg: 'Това действие не е възможно за новина в състояние „{status}“.',
    en: 'This action is not possible for a post that is "{status}".',
  },
  'minutes.not_found.title': { bg: 'Протоколът не е намерен', en: 'Minutes not found' },
  'minutes.not_found.detail': {
    bg: 'Няма такъв протокол или той не е достъпен за вас.',
    en: 'There are no such minutes, or they are not available to you.',
  },
  'minutes.stale.title': { bg: 'Протоколът вече е променен', en: 'Minutes changed in the meantime' },
  'minutes.stale.detail': {
    bg: 'Някой друг промени или одобри протокола междувременно. Прегледайте сегашния му вид и опитайте отново.',
    en: 'Someone else changed or approved the minutes in the meantime. Review them as they are now and try again.',
  },
  'minutes.no_draft.title': { bg: 'Няма проект на протокол', en: 'No draft minutes' },
  'minutes.no_draft.detail': {
    bg: 'Протоколът няма проект, който да се коментира или одобри.',
    en: 'There is no draft of the minutes to comment on or approve.',
  },
  'minutes.vote_open.title': {
    bg: 'Протоколът се гласува на заседание',
    en: 'The minutes are being voted on at a meeting',
  },
  'minutes.vote_open.detail': {
    bg: 'Докато следващото заседание гласува одобряването на проекта, той не се променя и не се одобрява отделно. Нищо не е записано.',
    en: 'While the next meeting votes on approving the draft, it is neither changed nor approved separately. Nothing was recorded.',
  },
  'minutes.meeting_not_held.title': { bg: 'Заседанието не е проведено', en: 'The meeting has not been held' },
  'minutes.meeting_not_held.detail': {
    bg: 'Протокол се пише след като заседанието е проведено.',
    en: 'Minutes are written once the meeting has been held.',
  },
  'event.registration_closed.title': { bg: 'Записването е затворено', en: 'Registration is closed' },
  'event.registration_closed.detail': {
    bg: 'За това събитие вече не може да се записвате.',
    en: 'It is no longer possible to register for this event.',
  },
  'event.members_only.title': { bg: 'Само за членове', en: 'Members only' },
  'event.members_only.detail': {
    bg: 'За това събитие могат да се записват само представители на членовете на клъстера.',
    en: "Only representatives of the cluster's members can register for this event.",
  },
  'event.registration_not_found.title': { bg: 'Записването не е намерено', en: 'Registration not found' },
  'event.registration_not_found.detail': {
    bg: 'Връзката за отказ не е валидна или записването вече е изтрито.',
    en: 'The cancellation link is not valid, or the registration was removed.',
  },
  'board.item_not_found.title': { bg: 'Обявата не е намерена', en: 'Item not found' },
  'board.item_not_found.detail': {
    bg: 'Няма такава обява на борсата за сътрудничество или тя не е достъпна за вас.',
    en: 'There is no such item on the cooperation board, or it is not available to you.',
  },
  'board.stale.title': { bg: 'Обявата вече е променена', en: 'Item changed in the meantime' },
  'board.stale.detail': {
    bg: 'Някой друг промени обявата, след като я отворихте. Прегледайте текущия вариант и опитайте отново.',
    en: 'Someone else changed the item after you opened it. Review the current version and try again.',
  },
  'board.transition_invalid.title': { bg: 'Действието не е възможно', en: 'Action not possible' },
  'board.transition_invalid.detail': {
    bg: 'Това действие не е възможно за обява в състояние „{status}“.',
    en: 'This action is not possible for an item in status "{status}".',
  },

  'conversation.not_found.title': { bg: 'Разговорът не е намерен', en: 'Conversation not found' },
  'conversation.not_found.detail': {
    bg: 'Няма такъв разговор или не представлявате никоя от двете му страни.',
    en: 'There is no such conversation, or you do not represent either of its two sides.',
  },
  'conversation.own_item.title': { bg: 'Това е ваша обява', en: 'This is your own item' },
  'conversation.own_item.detail': {
    bg: 'Не можете да проявите интерес към обява на собствената си организация.',
    en: "You cannot express interest in your own organisation's item.",
  },
  'conversation.stale.title': {
    bg: 'Разговорът вече е променен',
    en: 'Conversation changed in the meantime',
  },
  'conversation.stale.detail': {
    bg: 'Другата страна промени състоянието на разговора междувременно. Презаредете и опитайте отново.',
    en: 'The other side changed the state of the conversation meanwhile. Reload and try again.',
  },
  'conversation.transition_invalid.title': { bg: 'Действието не е възможно', en: 'Action not possible' },
  'conversation.transition_invalid.detail': {
    bg: 'Това действие не е възможно за разговор в състояние „{status}“.',
    en: 'This action is not possible for a conversation in status "{status}".',
  },
  'conversation.no_proposal.title': {
    bg: 'Няма предложение за споразумение',
    en: 'No proposal to answer',
  },
  'conversation.no_proposal.detail': {
    bg: 'В разговора вече няма чакащо предложение за споразумение — то е потвърдено, оттеглено или отклонено междувременно. Презаредете страницата.',
    en: 'The conversation no longer has a proposal of agreement waiting — it was confirmed, withdrawn or declined meanwhile. Reload the page.',
  },
  'conversation.not_own_proposal.title': {
    bg: 'Предложението не е ваше',
    en: 'Not your proposal',
  },
  'conversation.not_own_proposal.detail': {
    bg: 'Само страната, която е предложила споразумението, може да го оттегли. Можете да го отклоните.',
    en: 'Only the side that proposed the agreement can withdraw it. You can decline it.',
  },
  'conversation.own_proposal.title': {
    bg: 'Това е ваше предложение',
    en: 'This is your own proposal',
  },
  'conversation.own_proposal.detail': {
    bg: 'Не можете да отклоните собственото си предложение; можете да го оттеглите.',
    en: 'You cannot decline your own proposal; you can withdraw it.',
  },
  'partnership.not_found.title': { bg: 'Партньорството не е намерено', en: 'Partnership not found' },
  'partnership.not_found.detail': {
    bg: 'Няма такова партньорство или не представлявате никоя от двете му страни.',
    en: 'There is no such partnership, or you do not represent either of its two sides.',
  },

  // ---------- field messages of our custom issues ----------
  'conversation.organization_required': {
    bg: 'Изберете от името на коя организация пишете.',
    en: 'Choose the organisation you are writing for.',
  },
  'conversation.organization_not_yours': {
    bg: 'Не представлявате тази организация като действащ член на клъстера.',
    en: 'You do not represent this organisation as an active member of the cluster.',
  },
  'news.markdown_html': {
    bg: 'Текстът не може да съдържа HTML (например <script> или <div>); използвайте Markdown.',
    en: 'The text cannot contain HTML (such as <script> or <div>); use Markdown.',
  },
  'news.markdown_link': {
    bg: 'Връзките може да водят само към адреси с http, https или mailto (или към страница на портала).',
    en: 'Links may only lead to http, https or mailto addresses (or to a page of the portal).',
  },
  'news.body_too_long': {
    bg: 'Текстът е твърде дълъг: най-много {max} знака (сега са {length}). Нищо не е записано.',
    en: 'The text is too long: at most {max} characters (it has {length}). Nothing was saved.',
  },
  'news.language_incomplete': {
    bg: 'Попълнете заглавие и текст поне на един език (български или английски).',
    en: 'Fill in a title and a text in at least one language (Bulgarian or English).',
  },
  'minutes.text_required': {
    bg: 'Напишете текста на протокола на български.',
    en: 'Write the text of the minutes in Bulgarian.',
  },
  'minutes.text_too_long': {
    bg: 'Текстът е твърде дълъг: най-много {max} знака (сега са {length}). Нищо не е записано.',
    en: 'The text is too long: at most {max} characters (it has {length}). Nothing was saved.',
  },
  'minutes.reason_required': {
    bg: 'Посочете защо се поправя одобреният протокол.',
    en: 'Say why the approved minutes are corrected.',
  },
  'news.slug_taken': {
    bg: 'Този адрес вече се използва от друга новина.',
    en: 'Another post already uses this address.',
  },
  'news.area_unknown': {
    bg: 'Няма област „{id}“ в класификацията на ИСИС.',
    en: 'There is no area "{id}" in the ISIS taxonomy.',
  },
  'news.member_news_category': {
    bg: 'Новина на член остава в категория „Новини на членовете“.',
    en: 'Member news stays in the category "Member news".',
  },
  'event.ends_before_starts': {
    bg: 'Краят трябва да е след началото.',
    en: 'The end must be after the start.',
  },
  'event.place_required': {
    bg: 'Посочете място или връзка за участие онлайн.',
    en: 'Give a place or a link to join online.',
  },
  'organization.contact_closed.title': {
    bg: 'Членът не приема съобщения през портала',
    en: 'The member does not accept messages through the portal',
  },
  'organization.contact_closed.detail': {
    bg: 'Тази организация не приема съобщения от посетители през портала. Използвайте публичните ѝ данни за контакт, ако има такива.',
    en: 'This organisation does not accept messages from visitors through the portal. Use its public contact details, if it has any.',
  },
  'contact.consent_required': {
    bg: 'Необходимо е съгласието ви, за да предадем съобщението.',
    en: 'We need your consent to pass the message on.',
  },
  'event.closes_after_end': {
    bg: 'Записването трябва да приключи преди края на събитието.',
    en: 'Registration must close before the event ends.',
  },
  'event.not_an_event': {
    bg: 'Дата и място има само публикация от категория „Събитие“.',
    en: 'Only a post of the category "Event" has a date and a place.',
  },
  'event.already_registered': {
    bg: 'С този имейл адрес вече има записване за събитието.',
    en: 'This email address is already registered for the event.',
  },
  'board.valid_until_past': {
    bg: 'Крайната дата трябва да е след днешния ден.',
    en: 'The end date must be after today.',
  },
  'board.valid_until_too_far': {
    bg: 'Обява може да е валидна най-много една година — до {max}.',
    en: 'An item can be valid for at most one year — until {max}.',
  },
  'board.language_incomplete': {
    bg: 'Попълнете заглавие и описание поне на един език (български или английски).',
    en: 'Fill in a title and a description in at least one language (Bulgarian or English).',
  },
  'board.page_too_far': {
    bg: 'Списъкът стига до страница {max}: стеснете търсенето, за да видите останалите обяви.',
    en: 'The list goes up to page {max}: narrow the search to see the other items.',
  },
  'board.area_unknown': {
    bg: 'Няма област „{id}“ в класификацията на ИСИС.',
    en: 'There is no area "{id}" in the ISIS taxonomy.',
  },
  'suggestions.dismiss_self': {
    bg: 'Организацията не може да отхвърли предложение за самата себе си.',
    en: 'An organisation cannot dismiss a suggestion of itself.',
  },
  'suggestions.dismissal_not_found.title': {
    bg: 'Няма такова отхвърлено предложение',
    en: 'No such dismissed suggestion',
  },
  'suggestions.dismissal_not_found.detail': {
    bg: 'Това предложение не е отбелязано като неотносимо или вече е върнато.',
    en: 'This suggestion was not marked as not relevant, or it has already been restored.',
  },
  'cooperation.period_order': {
    bg: 'Краят на периода трябва да е след началото му.',
    en: 'The end of the period must be after its start.',
  },
  'cooperation.period_too_long': {
    bg: 'Периодът може да е най-много {max} месеца.',
    en: 'The period can be at most {max} months.',
  },
  'body.not_found.title': { bg: 'Органът не е намерен', en: 'Body not found' },
  'body.not_found.detail': {
    bg: 'Няма орган на клъстера с този идентификатор.',
    en: 'There is no body of the cluster with this identifier.',
  },
  'body.stale.title': { bg: 'Записът е променен междувременно', en: 'Changed meanwhile' },
  'body.stale.detail': {
    bg: 'Някой друг промени записа, докато го редактирахте. Заредете го отново и повторете промяната.',
    en: 'Someone else changed the record while you were editing it. Reload it and make your change again.',
  },
  'body.position_not_found.title': { bg: 'Длъжността не е намерена', en: 'Position not found' },
  'body.position_not_found.detail': {
    bg: 'Този орган няма длъжност с този идентификатор.',
    en: 'This body has no position with this identifier.',
  },
  'body.position_conflict.title': { bg: 'Длъжността е заета', en: 'Position taken' },
  'body.position_conflict.detail': {
    bg: 'Ролята следва длъжностите в органа, който разглежда заявленията, а тази длъжност е заета или човекът вече има бъдещ мандат. Променете длъжностите на страницата на органа.',
    en: 'The role follows the positions in the body that reviews applications, and this position is taken or the person already has a future term. Change the positions on the body’s page.',
  },
  'body.position_erased.title': { bg: 'Името е изтрито', en: 'Name erased' },
  'body.position_erased.detail': {
    bg: 'Името на заемащия тази длъжност е изтрито; записът остава само в историята.',
    en: 'The name of this position’s holder was erased; the record stays in the history only.',
  },
  'conduct.meeting_not_found.title': { bg: 'Няма такова заседание', en: 'Meeting not found' },
  'conduct.meeting_not_found.detail': {
    bg: 'Заседанието не съществува или нямате достъп до него.',
    en: 'The meeting does not exist or you have no access to it.',
  },
  'conduct.item_not_found.title': { bg: 'Няма такава точка', en: 'Agenda item not found' },
  'conduct.item_not_found.detail': {
    bg: 'В дневния ред на това заседание няма такава точка.',
    en: "There is no such item on this meeting's agenda.",
  },
  'conduct.not_running.title': { bg: 'Заседанието не се провежда', en: 'The meeting is not taking place' },
  'conduct.not_running.detail': {
    bg: 'Присъствие се отбелязва, след като поканите са изпратени, и докато протоколът не е одобрен; отменено заседание не се провежда. Нищо не е записано.',
    en: 'Attendance is recorded once the invitations have gone out and until the minutes are approved; a cancelled meeting is not held. Nothing was recorded.',
  },
  'conduct.not_held.title': { bg: 'Присъствието не е отбелязано', en: 'Attendance not recorded' },
  'conduct.not_held.detail': {
    bg: 'Гласува се на проведено заседание: първо отбележете присъствието. Нищо не е записано.',
    en: 'Votes are taken at a meeting that is held: record the attendance first. Nothing was recorded.',
  },
  'conduct.vote_exists.title': { bg: 'По точката вече се гласува', en: 'The item already has a vote' },
  'conduct.vote_exists.detail': {
    bg: 'По всяка точка се гласува веднъж. Вижте гласуването, както е сега.',
    en: 'Each item is voted on once. See the vote as it is now.',
  },
  'conduct.no_open_vote.title': { bg: 'Няма открито гласуване', en: 'No open vote' },
  'conduct.no_open_vote.detail': {
    bg: 'По тази точка не се гласува: гласуването не е открито или вече е закрито. Нищо не е записано.',
    en: 'There is no open vote on this item: it has not been opened or is already closed. Nothing was recorded.',
  },
  'conduct.not_ballots.title': {
    bg: 'Гласовете се въвеждат от секретаря',
    en: 'The secretary enters the count',
  },
  'conduct.not_ballots.detail': {
    bg: 'По тази точка резултатът се въвежда от водещия заседанието, не се гласува в портала.',
    en: 'On this item the count is entered by the officer running the meeting, not cast in the portal.',
  },
  'conduct.minutes_no_draft.title': {
    bg: 'Няма проект на протокол за одобряване',
    en: 'No draft minutes to approve',
  },
  'conduct.minutes_no_draft.detail': {
    bg: 'Последната редакция на протокола от по-ранното заседание не е проект (вече е одобрена или няма протокол). Гласуването не е открито.',
    en: 'The latest revision of the earlier meeting’s minutes is not a draft (already approved, or no minutes yet). The vote was not opened.',
  },
  'conduct.minutes_changed.title': {
    bg: 'Протоколът е променен след откриване на гласуването',
    en: 'The minutes changed after the vote was opened',
  },
  'conduct.minutes_changed.detail': {
    bg: 'Гласуваната редакция на протокола вече не е последният проект, затова не може да бъде одобрена. Нищо не е записано.',
    en: 'The revision of the minutes put to the vote is no longer the latest draft, so it cannot be approved. Nothing was recorded.',
  },
  'body.position_has_account.title': { bg: 'Лицето има профил', en: 'The person has an account' },
  'body.position_has_account.detail': {
    bg: 'Данните на потребител се изтриват от страницата на потребителя в администрацията.',
    en: "A user's data is erased from the user's page in the administration.",
  },
  'project.not_found.title': { bg: 'Проектът не е намерен', en: 'Project not found' },
  'project.not_found.detail': {
    bg: 'Няма съвместен проект с този идентификатор или нямате достъп до него.',
    en: 'There is no joint project with this identifier, or you have no access to it.',
  },
  'project.lead_only.title': { bg: 'Само за водещия партньор', en: 'Lead partner only' },
  'project.lead_only.detail': {
    bg: 'Това може да направи само представител на водещата организация по проекта.',
    en: 'Only a representative of the project’s lead organisation may do this.',
  },
  'project.read_only.title': { bg: 'Само за четене', en: 'Read only' },
  'project.read_only.detail': {
    bg: 'Комитетът вижда проектите, но не ги променя; работят по тях представителите на партньорите.',
    en: 'The committee reads projects but does not change them; the partners’ representatives work on them.',
  },
  'project.version_conflict.title': {
    bg: 'Проектът е променен междувременно',
    en: 'Project changed meanwhile',
  },
  'project.version_conflict.detail': {
    bg: 'Някой друг промени това междувременно. Заредете отново и повторете промяната.',
    en: 'Someone else changed this meanwhile. Reload and make your change again.',
  },
  'project.partner_not_found.title': { bg: 'Партньорът не е намерен', en: 'Partner not found' },
  'project.partner_not_found.detail': {
    bg: 'Няма такъв партньор по този проект.',
    en: 'There is no such partner in this project.',
  },
  'project.lead_stays.title': { bg: 'Водещият остава', en: 'The lead stays' },
  'project.lead_stays.detail': {
    bg: 'Водещата организация не може да бъде премахната от проекта.',
    en: 'The lead organisation cannot be removed from the project.',
  },
  'project.already_partner.title': { bg: 'Вече е партньор', en: 'Already a partner' },
  'project.already_partner.detail': {
    bg: 'Организацията вече е партньор по проекта.',
    en: 'The organisation is already a partner in the project.',
  },
  'project.join_pending.title': { bg: 'Вече има чакаща заявка', en: 'Already pending' },
  'project.join_pending.detail': {
    bg: 'За тази организация вече има чакаща заявка или покана по проекта.',
    en: 'There is already a pending request or invitation for this organisation in the project.',
  },
  'project.join_not_found.title': { bg: 'Заявката не е намерена', en: 'Request not found' },
  'project.join_not_found.detail': {
    bg: 'Няма такава заявка или покана по проекта.',
    en: 'There is no such request or invitation in the project.',
  },
  'project.join_answered.title': { bg: 'Вече е отговорено', en: 'Already answered' },
  'project.join_answered.detail': {
    bg: 'На тази заявка или покана вече е отговорено.',
    en: 'This request or invitation has already been answered.',
  },
  'project.not_forming.title': { bg: 'Проектът не търси партньори', en: 'Not forming' },
  'project.not_forming.detail': {
    bg: 'Може да се кандидатства само за проект в етап „Сформиране на консорциум“.',
    en: 'You may only ask to join a project while its consortium is forming.',
  },
  'project.closed.title': { bg: 'Проектът е приключил', en: 'Project closed' },
  'project.closed.detail': {
    bg: 'Проектът е финансиран, отхвърлен или оттеглен и не приема нови партньори.',
    en: 'The project is funded, not funded or withdrawn and takes no new partners.',
  },
  'project.task_not_found.title': { bg: 'Задачата не е намерена', en: 'Task not found' },
  'project.task_not_found.detail': {
    bg: 'Няма такава задача по проекта.',
    en: 'There is no such task in the project.',
  },
  'project.document_not_found.title': { bg: 'Документът не е намерен', en: 'Document not found' },
  'project.document_not_found.detail': {
    bg: 'Няма такъв документ по проекта.',
    en: 'There is no such document in the project.',
  },
  'project.share_negative': {
    bg: 'Делът не може да е отрицателен.',
    en: 'A share cannot be negative.',
  },
  'project.share_too_large': {
    bg: 'Делът е твърде голям.',
    en: 'The share is too large.',
  },
  'project.shares_sum': {
    bg: 'Сборът на дяловете ({sum} €) трябва да е точно равен на общия бюджет ({total} €).',
    en: 'The shares add up to €{sum}; they must equal the total budget of €{total} exactly.',
  },
  'project.partner_unknown': {
    bg: 'Няма такъв партньор по проекта.',
    en: 'There is no such partner in the project.',
  },
  'project.document_unknown': {
    bg: 'Процедурата не изисква такъв документ.',
    en: 'The call requires no such document.',
  },
  'project.call_unknown': {
    bg: 'Няма такава процедура.',
    en: 'There is no such funding call.',
  },
  'project.illegal_transition': {
    bg: 'Проектът не може да премине от този етап в избрания.',
    en: 'The project cannot move from its stage to the chosen one.',
  },
  'project.not_a_member': {
    bg: 'Могат да бъдат поканени само организации, които в момента са членове на клъстера.',
    en: 'Only organisations that are members of the cluster now may be invited.',
  },
  'resource.not_found.title': { bg: 'Ресурсът не е намерен', en: 'Resource not found' },
  'resource.not_found.detail': {
    bg: 'Няма споделен ресурс с този идентификатор.',
    en: 'There is no shared resource with this identifier.',
  },
  'resource.stale.title': { bg: 'Ресурсът е променен междувременно', en: 'Resource changed meanwhile' },
  'resource.stale.detail': {
    bg: 'Някой друг е променил ресурса, след като сте го отворили. Заредете го отново и повторете промяната.',
    en: 'Someone else changed the resource after you opened it. Reload it and make your change again.',
  },
  'resource.members_only.title': {
    bg: 'Ресурсът е само за членове',
    en: 'Resource for members only',
  },
  'resource.members_only.detail': {
    bg: 'Собственикът предлага този ресурс само на действащите членове на клъстера. Като кандидат за членство можете да виждате и резервирате ресурсите, отворени и за кандидати.',
    en: 'Its owner shares this resource with active members of the cluster only. As a candidate for membership you can see and book the resources that are open to candidates too.',
  },
  'resource.photo_not_found.title': { bg: 'Снимката не е намерена', en: 'Photo not found' },
  'resource.photo_not_found.detail': {
    bg: 'Ресурсът няма снимка с този идентификатор.',
    en: 'The resource has no photo with this identifier.',
  },
  'resource.photo_limit.title': { bg: 'Твърде много снимки', en: 'Too many photos' },
  'resource.photo_limit.detail': {
    bg: 'Един ресурс може да има най-много {max} снимки. Премахнете някоя, преди да добавите нова.',
    en: 'A resource may have at most {max} photos. Remove one before adding another.',
  },
  'booking.not_found.title': { bg: 'Резервацията не е намерена', en: 'Booking not found' },
  'booking.not_found.detail': {
    bg: 'Няма резервация с този идентификатор, която да виждате.',
    en: 'There is no booking with this identifier that you may see.',
  },
  'booking.clash.title': { bg: 'Времето вече е заето', en: 'Time already booked' },
  'booking.clash.detail': {
    bg: 'Ресурсът вече е резервиран от {startsAt} до {endsAt} (потвърдена резервация). Изберете друго време.',
    en: 'The resource is already booked from {startsAt} to {endsAt} (a confirmed booking). Please choose another time.',
  },
  'booking.transition_invalid.title': { bg: 'Действието не е възможно', en: 'Action not possible' },
  'booking.transition_invalid.detail': {
    bg: 'Резервацията е в състояние „{status}“ и това действие вече не е възможно.',
    en: 'The booking is "{status}" and this action is no longer possible.',
  },
  'calendar_feed.not_found.title': { bg: 'Няма такъв календар', en: 'No such calendar' },
  'calendar_feed.not_found.detail': {
    bg: 'Връзката към календара не е валидна или е била подменена с нова. Поискайте новата връзка от представител на организацията.',
    en: 'The calendar link is not valid or has been replaced by a new one. Ask a representative of the organisation for the new link.',
  },
  'booking.resource_inactive.title': { bg: 'Ресурсът вече не се предлага', en: 'Resource no longer shared' },
  'booking.resource_inactive.detail': {
    bg: 'Ресурсът е спрян от собственика си, затова заявката не може да бъде потвърдена. Откажете я или първо го пуснете отново.',
    en: 'The resource has been withdrawn by its owner, so the request cannot be confirmed. Decline it, or share the resource again first.',
  },
  'booking.owner_inactive.title': {
    bg: 'Собственикът не е действащ член',
    en: 'Owner is not an active member',
  },
  'booking.owner_inactive.detail': {
    bg: 'Организацията, която предлага ресурса, вече не е действащ член на клъстера, затова резервации не могат да се потвърждават.',
    en: 'The organisation sharing the resource is no longer an active member of the cluster, so bookings cannot be confirmed.',
  },
  'booking.requester_inactive.title': {
    bg: 'Заявителят вече не може да резервира',
    en: 'Requester may no longer book',
  },
  'booking.requester_inactive.detail': {
    bg: 'Организацията, поискала резервацията, вече не е действащ член на клъстера (или кандидат, ако ресурсът го позволява). Откажете заявката.',
    en: 'The organisation that asked is no longer an active member of the cluster (or a candidate, where the resource allows it). Decline the request.',
  },
  'booking.in_past.title': { bg: 'Резервацията вече е започнала', en: 'Booking has already begun' },
  'booking.in_past.detail': {
    bg: 'Заявката е за {startsAt} (софийско време), което вече е минало; не може да бъде потвърдена.',
    en: 'The request is for {startsAt} (Sofia time), which has passed; it cannot be confirmed.',
  },
  'booking.not_allowed.title': { bg: 'Не можете да резервирате', en: 'You may not book this' },
  'booking.not_allowed.detail': {
    bg: 'Организацията не може да резервира този ресурс: той е за действащи членове на клъстера и, ако собственикът позволява, за кандидати за членство.',
    en: 'The organisation may not book this resource: it is for active members of the cluster and, where the owner allows it, for candidates for membership.',
  },

  // ---------- field messages of our custom issues ----------
  'resources.booking_end_before_start': {
    bg: 'Краят трябва да е след началото.',
    en: 'The end must be after the start.',
  },
  'resources.booking_in_past': {
    bg: 'Началото е в миналото.',
    en: 'The start is in the past.',
  },
  'resources.booking_notice_too_short': {
    bg: 'Този ресурс се резервира поне {hours} ч. предварително.',
    en: 'This resource must be booked at least {hours} hours ahead.',
  },
  'resources.booking_too_long': {
    bg: 'Една резервация може да е най-много {hours} ч.',
    en: 'A booking may last at most {hours} hours.',
  },
  'resources.booking_outside_hours': {
    bg: 'Времето е извън работното време на ресурса (по софийско време) или преминава в следващия ден.',
    en: "The time is outside the resource's opening hours (Sofia time) or runs into the next day.",
  },
  'resources.photo_order': {
    bg: 'Посочете всяка снимка на ресурса точно веднъж.',
    en: 'Name every photo of the resource exactly once.',
  },
  'meeting.not_found.title': { bg: 'Заседанието не е намерено', en: 'Meeting not found' },
  'meeting.not_found.detail': {
    bg: 'Няма заседание с този идентификатор, което да можете да видите.',
    en: 'There is no meeting with this identifier that you may see.',
  },
  'meeting.stale.title': { bg: 'Записът е променен междувременно', en: 'Changed meanwhile' },
  'meeting.stale.detail': {
    bg: 'Някой друг промени заседанието, докато го редактирахте. Заредете го отново и повторете промяната.',
    en: 'Someone else changed the meeting while you were editing it. Reload it and make your change again.',
  },
  'meeting.transition_invalid.title': {
    bg: 'Заседанието не може да се променя',
    en: 'The meeting cannot be changed',
  },
  'meeting.transition_invalid.detail': {
    bg: 'Заседанието е със статус „{status}“: дневният ред, материалите и поканите вече не се променят.',
    en: 'The meeting is {status}: its agenda, documents and invitations no longer change.',
  },
  'meeting.item_not_found.title': { bg: 'Точката не е намерена', en: 'Agenda item not found' },
  'meeting.item_not_found.detail': {
    bg: 'Това заседание няма точка от дневния ред с този идентификатор.',
    en: 'This meeting has no agenda item with this identifier.',
  },
  'meeting.document_not_found.title': { bg: 'Документът не е намерен', en: 'Document not found' },
  'meeting.document_not_found.detail': {
    bg: 'Това заседание няма документ с този идентификатор.',
    en: 'This meeting has no document with this identifier.',
  },
  'meeting.documents_full.title': { bg: 'Твърде много документи', en: 'Too many documents' },
  'meeting.documents_full.detail': {
    bg: 'Едно заседание може да има най-много {max} документа.',
    en: 'A meeting can have at most {max} documents.',
  },
  'meeting.rsvp_closed.title': {
    bg: 'Отговорът вече не може да се променя',
    en: 'The answer can no longer be changed',
  },
  'meeting.rsvp_closed.detail': {
    bg: 'Отговор на поканата се дава, докато заседанието не е започнало.',
    en: 'An invitation is answered until the meeting starts.',
  },
  'meetings.end_before_start': {
    bg: 'Краят трябва да е след началото.',
    en: 'The end must be after the start.',
  },
  'calls.url_invalid': {
    bg: 'Връзката трябва да започва с http:// или https://.',
    en: 'The link must start with http:// or https://.',
  },
  'calls.deadline_before_opening': {
    bg: 'Крайният срок трябва да е след отварянето на поканата.',
    en: 'The deadline must be after the call opens.',
  },
  'calls.document_unknown': {
    bg: 'Този документ не принадлежи на поканата.',
    en: 'This document does not belong to the call.',
  },
  'meetings.url_invalid': {
    bg: 'Връзката трябва да започва с http:// или https://.',
    en: 'The link must start with http:// or https://.',
  },
  'meetings.body_unknown': {
    bg: 'Няма такъв орган.',
    en: 'There is no such body.',
  },
  'meetings.link_required': {
    bg: 'Изберете за какво е точката.',
    en: 'Choose what the item is about.',
  },
  'meetings.application_unknown': {
    bg: 'Няма заявление с този идентификатор.',
    en: 'There is no application with this identifier.',
  },
  'meetings.application_not_open': {
    bg: 'Заявлението не е подадено или вече е решено.',
    en: 'The application is not submitted or is already decided.',
  },
  'meetings.organization_not_member': {
    bg: 'Организацията не е член на клъстера.',
    en: 'The organisation is not a member of the cluster.',
  },
  'meetings.proposal_invalid': {
    bg: 'Предложената промяна на членството е непълна или невалидна.',
    en: 'The proposed membership change is incomplete or invalid.',
  },
  'meetings.board_item_unknown': {
    bg: 'Няма такава обява на борсата за сътрудничество.',
    en: 'There is no such item on the cooperation board.',
  },
  'meetings.area_unknown': {
    bg: 'Няма такава област от стратегията.',
    en: 'There is no such area of the strategy.',
  },
  'meetings.area_not_allowed': {
    bg: 'Само точка от стратегията посочва област.',
    en: 'Only a strategy item names an area.',
  },
  'meetings.minutes_not_allowed': {
    bg: 'Само точка за одобряване на протокол посочва заседание.',
    en: 'Only an item approving minutes names a meeting.',
  },
  'meetings.minutes_meeting_unknown': {
    bg: 'Няма заседание на същия орган с този идентификатор.',
    en: 'There is no meeting of the same body with this identifier.',
  },
  'meetings.minutes_meeting_not_earlier': {
    bg: 'Одобрява се протокол от по-ранно заседание.',
    en: 'The minutes approved must be those of an earlier meeting.',
  },
  'meetings.minutes_meeting_cancelled': {
    bg: 'Заседанието е отменено и няма протокол.',
    en: 'The meeting was cancelled and has no minutes.',
  },
  'meetings.minutes_no_draft': {
    bg: 'Протоколът от това заседание няма проект за одобряване.',
    en: 'The minutes of this meeting have no draft to approve.',
  },
  'meetings.order_incomplete': {
    bg: 'Посочете всяка точка от дневния ред точно веднъж.',
    en: 'Name every agenda item exactly once.',
  },
  'meetings.item_unknown': {
    bg: 'Това заседание няма такава точка от дневния ред.',
    en: 'This meeting has no such agenda item.',
  },
  'meetings.proxy_not_allowed': {
    bg: 'Правилата на органа не допускат пълномощия.',
    en: 'The body’s rules do not allow proxies.',
  },
  'meetings.proxy_required': {
    bg: 'Изберете на кого давате пълномощно.',
    en: 'Choose whom you give your proxy to.',
  },
  'meetings.proxy_self': {
    bg: 'Не можете да дадете пълномощно на себе си.',
    en: 'You cannot give a proxy to yourself.',
  },
  'meetings.proxy_unknown': {
    bg: 'Пълномощникът трябва да е поканен на същото заседание.',
    en: 'The proxy must be invited to the same meeting.',
  },
  'meetings.proxy_cycle': {
    bg: 'Този участник вече е упълномощил вас (пряко или чрез друг).',
    en: 'This participant has already given their proxy to you (directly or through someone else).',
  },
  'meetings.proxy_only_with_proxy': {
    bg: 'Пълномощник се посочва само при отговор „с пълномощно“.',
    en: 'A proxy is named only with the answer “by proxy”.',
  },
  'strategy.goal_not_found.title': { bg: 'Целта не е намерена', en: 'Goal not found' },
  'strategy.goal_not_found.detail': {
    bg: 'Стратегията няма цел с този идентификатор.',
    en: 'The strategy has no goal with this identifier.',
  },
  'strategy.objective_not_found.title': { bg: 'Задачата не е намерена', en: 'Objective not found' },
  'strategy.objective_not_found.detail': {
    bg: 'Стратегията няма задача с този идентификатор.',
    en: 'The strategy has no objective with this identifier.',
  },
  'strategy.indicator_not_found.title': { bg: 'Индикаторът не е намерен', en: 'Indicator not found' },
  'strategy.indicator_not_found.detail': {
    bg: 'Стратегията няма индикатор с този идентификатор.',
    en: 'The strategy has no indicator with this identifier.',
  },
  'strategy.not_entered.title': { bg: 'Индикаторът се изчислява', en: 'The indicator is computed' },
  'strategy.not_entered.detail': {
    bg: 'Стойността на този индикатор се изчислява от данните на портала; стойности се въвеждат само за въвеждани индикатори.',
    en: "This indicator's value is computed from the portal's data; values are entered only for entered indicators.",
  },
  'strategy.goal_area': {
    bg: 'Вертикалната цел посочва област на специализация; хоризонталната — никоя.',
    en: 'A vertical goal names a specialisation area; the horizontal one none.',
  },
  'strategy.area_unknown': {
    bg: 'Няма област на специализация с този идентификатор.',
    en: 'There is no specialisation area with this identifier.',
  },
  'strategy.body_unknown': {
    bg: 'Няма орган на клъстера с този идентификатор.',
    en: 'There is no body of the cluster with this identifier.',
  },
  'strategy.period_order': {
    bg: 'Краят на периода не може да е преди началото му.',
    en: 'The end of the period cannot be before its start.',
  },
  'strategy.unknown_indicator': {
    bg: 'Изберете изчисляван индикатор от списъка.',
    en: 'Choose a computed indicator from the list.',
  },
  'strategy.param_required': {
    bg: 'Този индикатор се изчислява за област: изберете я.',
    en: 'This indicator is computed for an area: choose it.',
  },
  'strategy.param_none': {
    bg: 'Този индикатор не се изчислява за област.',
    en: 'This indicator is not computed for an area.',
  },
  'strategy.unit_mismatch': {
    bg: 'Мерната единица на изчисляван индикатор е тази от списъка.',
    en: "A computed indicator's unit is the one the list gives.",
  },
  'strategy.entered_no_key': {
    bg: 'Въвежданият индикатор няма ключ за изчисляване.',
    en: 'An entered indicator has no computation key.',
  },
  'readiness.set_not_found.title': { bg: 'Наборът не е намерен', en: 'Set not found' },
  'readiness.set_not_found.detail': {
    bg: 'Няма набор от критерии за готовност с този идентификатор.',
    en: 'There is no readiness criteria set with this identifier.',
  },
  'readiness.criterion_not_found.title': { bg: 'Критерият не е намерен', en: 'Criterion not found' },
  'readiness.criterion_not_found.detail': {
    bg: 'Няма критерий за готовност с този идентификатор.',
    en: 'There is no readiness criterion with this identifier.',
  },
  'readiness.evidence_not_found.title': { bg: 'Доказателството не е намерено', en: 'Evidence not found' },
  'readiness.evidence_not_found.detail': {
    bg: 'Няма доказателство с този идентификатор.',
    en: 'There is no item of evidence with this identifier.',
  },
  'readiness.not_manual.title': { bg: 'Критерият се изчислява', en: 'The criterion is computed' },
  'readiness.not_manual.detail': {
    bg: 'Този критерий е правило върху данните на портала; ръчно се отбелязват само доказателствата.',
    en: "This criterion is a rule over the portal's data; only evidence items are marked by hand.",
  },
  'readiness.slug_invalid': {
    bg: 'Кратко име с малки латински букви, цифри и тирета (напр. eccp-profile).',
    en: 'A short name of lower-case Latin letters, digits and hyphens (e.g. eccp-profile).',
  },
  'readiness.slug_taken': {
    bg: 'Вече има набор с това кратко име.',
    en: 'A set with this short name already exists.',
  },
  'readiness.url_invalid': {
    bg: 'Въведете адрес, започващ с http:// или https://.',
    en: 'Enter an address starting with http:// or https://.',
  },
  'readiness.code_taken': {
    bg: 'Наборът вече има критерий с този код.',
    en: 'The set already has a criterion with this code.',
  },
  'readiness.manual_no_rule': {
    bg: 'Ръчното доказателство няма индикатор, сравнение и прагове.',
    en: 'A manual evidence item has no indicator, comparison or thresholds.',
  },
  'readiness.unknown_indicator': {
    bg: 'Изберете изчисляван индикатор от списъка.',
    en: 'Choose a computed indicator from the list.',
  },
  'readiness.param_required': {
    bg: 'Този индикатор се изчислява за област: изберете я.',
    en: 'This indicator is computed for an area: choose it.',
  },
  'readiness.param_none': {
    bg: 'Този индикатор не се изчислява за област.',
    en: 'This indicator is not computed for an area.',
  },
  'readiness.area_unknown': {
    bg: 'Няма област на специализация с този идентификатор.',
    en: 'There is no specialisation area with this identifier.',
  },
  'readiness.comparison_required': { bg: 'Изберете сравнение: ≥ или ≤.', en: 'Choose a comparison: ≥ or ≤.' },
  'readiness.threshold_required': {
    bg: 'Въведете прага за зелено.',
    en: 'Enter the green threshold.',
  },
  'readiness.amber_side': {
    bg: 'Прагът за жълто е от по-слабата страна на прага за зелено (под него при ≥, над него при ≤).',
    en: 'The amber threshold lies on the weaker side of the green one (below it for ≥, above it for ≤).',
  },
  'readiness.decision_unknown': {
    bg: 'Няма решение с този номер (напр. 2026-014).',
    en: 'There is no decision with this number (e.g. 2026-014).',
  },
  'bodies.term_order': {
    bg: 'Мандатът не може да свършва преди да е започнал.',
    en: 'A term cannot end before it starts.',
  },
  'bodies.dissolved_order': {
    bg: 'Органът може да бъде закрит само след датата на учредяването си.',
    en: 'A body can be dissolved only after the date it was founded.',
  },
  'bodies.holder_one': {
    bg: 'Изберете потребител или въведете име — едното от двете.',
    en: 'Choose a user or enter a name — one of the two.',
  },
  'bodies.chair_taken': {
    bg: 'Органът вече има председател за част от този период.',
    en: 'The body already has a chair for part of this period.',
  },
  'bodies.holder_overlap': {
    bg: 'Това лице вече заема длъжност в органа за част от този период.',
    en: 'This person already holds a position in the body for part of this period.',
  },
  'bodies.user_unknown': {
    bg: 'Няма активен потребител с този идентификатор.',
    en: 'There is no active user with this identifier.',
  },
  'bodies.user_required': {
    bg: 'Органът разглежда заявления: длъжностите в него заемат само потребители на портала.',
    en: 'This body reviews applications: its positions are held by portal users only.',
  },
  'bodies.reviewing_taken': {
    bg: 'Друг орган вече разглежда заявленията; първо махнете отметката там.',
    en: 'Another body already reviews applications; untick it there first.',
  },
  'bodies.reviewing_users_only': {
    bg: 'В органа има длъжности на лица без профил; органът, който разглежда заявления, може да има само потребители.',
    en: 'The body has positions held by people without an account; the body that reviews applications may have users only.',
  },
  'resources.fee_conditions': {
    bg: 'Посочете цена и единица (час, половин ден, ден) само при условие „срещу заплащане“.',
    en: 'Give a fee and its unit (hour, half day, day) with the "fee" condition only.',
  },
  'resources.opening_hours_order': {
    bg: 'Затварянето трябва да е след отварянето.',
    en: 'Closing must be after opening.',
  },
  'resources.range_order': {
    bg: 'Краят на периода трябва да е след началото му.',
    en: 'The end of the period must be after its start.',
  },
  'resources.range_too_long': {
    bg: 'Периодът може да е най-много 62 дни.',
    en: 'The period may be at most 62 days.',
  },
  'fees.reference_taken': {
    bg: 'Плащане с основание „{reference}“ вече е записано за тази организация.',
    en: 'A payment with reference "{reference}" is already recorded for this organisation.',
  },
  'fees.reference_used_elsewhere': {
    bg: 'Плащане с основание „{reference}“ вече е записано за „{organizationBg}“ ({year} г.). Едно плащане не може да се отнесе към две организации.',
    en: 'A payment with reference "{reference}" is already recorded for "{organizationEn}" ({year}). One payment cannot be booked to two organisations.',
  },
  'fees.organization_unknown': {
    bg: 'Няма член на клъстера с този идентификатор.',
    en: 'There is no cluster member with this identifier.',
  },
  'fees.paid_on_future': {
    bg: 'Датата на плащане не може да е в бъдещето.',
    en: 'The payment date cannot be in the future.',
  },
  'fees.category_repeated': {
    bg: 'Категорията „{category}“ е посочена повече от веднъж.',
    en: 'The category "{category}" is given more than once.',
  },
  'eik.invalid': {
    bg: 'Невалиден ЕИК/БУЛСТАТ: въведете 9 или 13 цифри.',
    en: 'Invalid EIK/BULSTAT: enter 9 or 13 digits.',
  },
  'eik.check_digit': {
    bg: 'Контролната цифра на ЕИК/БУЛСТАТ не съвпада: проверете дали някоя цифра не е сгрешена.',
    en: 'The check digit of the EIK/BULSTAT does not match: check whether a digit was mistyped.',
  },
  'competitors.duplicate': {
    bg: 'Един и същ ЕИК е посочен повече от веднъж.',
    en: 'The same ЕИК is given more than once.',
  },
  'area.unknown': {
    bg: 'Няма област на специализация „{value}“.',
    en: 'There is no specialisation area "{value}".',
  },
  'membership.category_required': {
    bg: 'Изберете новата категория.',
    en: 'Choose the new category.',
  },
  'membership.same_category': {
    bg: 'Организацията вече е в тази категория.',
    en: 'The organisation is already in this category.',
  },
  'membership.decision_required': {
    bg: 'Уставът изисква решение: посочете номер от регистъра или предложете гласуване на комитета.',
    en: 'The statute requires a decision: give a register number or propose a vote of the committee.',
  },
  'membership.vote_not_needed': {
    bg: 'Напускането по желание на члена се вписва без гласуване.',
    en: 'A withdrawal at the member’s request is recorded without a vote.',
  },
  'decision.unknown': {
    bg: 'В регистъра няма решение № {number}.',
    en: 'There is no decision No. {number} in the register.',
  },
  'decision.other_organization': {
    bg: 'Решение № {number} не е за тази организация.',
    en: 'Decision No. {number} is not about this organisation.',
  },
  'decision.not_membership': {
    bg: 'Решение № {number} не е решение за членството (а например за приемане).',
    en: 'Decision No. {number} is not a decision on the membership (it is, for example, an admission).',
  },
  'decision.not_approved': {
    bg: 'Решение № {number} не е прието и не може да бъде основание за промяната.',
    en: 'Decision No. {number} was not adopted and cannot be the basis of the change.',
  },
  'decision.used': {
    bg: 'Решение № {number} вече е основание за друга промяна в членството.',
    en: 'Decision No. {number} is already the basis of another change of the membership.',
  },
  'decision.number_format': {
    bg: 'Номерът на решение има вида 2026-003.',
    en: 'A decision number looks like 2026-003.',
  },
  'decision.tally_exceeds': {
    bg: 'Гласовете за, против и въздържали се не могат да са повече от имащите право на глас.',
    en: 'The votes for, against and abstaining cannot exceed those entitled to vote.',
  },
  'decision.future_date': {
    bg: 'Датата на решението не може да е в бъдещето.',
    en: 'The date of the decision cannot be in the future.',
  },
  'field.invalid': { bg: 'Невалидна стойност.', en: 'Invalid value.' },
  'field.control_characters': {
    bg: 'Полето съдържа управляващи символи (напр. NUL), които не са позволени.',
    en: 'The field contains control characters (such as NUL), which are not allowed.',
  },
  'year.too_early': {
    bg: 'Годината не може да е преди {min} г.',
    en: 'The year cannot be before {min}.',
  },
  'year.future': {
    bg: 'Годината не може да е в бъдещето.',
    en: 'The year cannot be in the future.',
  },
  'date.future': {
    bg: 'Датата не може да е в бъдещето.',
    en: 'The date cannot be in the future.',
  },
  'nace.unknown': {
    bg: 'Няма такъв код по КИД-2008; въведете код като 62 или 62.01.',
    en: 'There is no such KID-2008 (NACE) code; enter a code like 62 or 62.01.',
  },
  'text.too_short': {
    bg: 'Напишете поне {min} знака.',
    en: 'Write at least {min} characters.',
  },
  'field.required': { bg: 'Полето е задължително.', en: 'This field is required.' },
  'email.invalid': { bg: 'Невалиден имейл адрес.', en: 'Invalid email address.' },
  'password.too_short': {
    bg: 'Паролата трябва да е поне {min} знака.',
    en: 'The password must be at least {min} characters long.',
  },
  'password.too_long': {
    bg: 'Паролата може да е най-много {max} знака.',
    en: 'The password can be at most {max} characters long.',
  },
  'password.weak': {
    bg: 'Тази парола се отгатва лесно (често срещани думи или пароли, поредици, повторения, дати, съседни клавиши). Изберете по-дълга или по-непредвидима, например няколко несвързани думи.',
    en: 'This password is easy to guess (common words or passwords, sequences, repeats, dates, adjacent keys). Choose a longer or less predictable one, such as several unrelated words.',
  },
  'password.personal': {
    bg: 'Паролата не може да съдържа вашия имейл или име.',
    en: 'The password must not contain your email or name.',
  },
  'password.wrong': { bg: 'Паролата не е вярна.', en: 'The password is not correct.' },
  'eik.taken': {
    bg: 'ЕИК {eik} вече е на член на клъстера или на друго открито заявление.',
    en: 'UIC {eik} already belongs to a cluster member or to another open application.',
  },
  'conduct.not_a_seat': {
    bg: '„{name}“ не е място на това заседание.',
    en: '“{name}” is not a seat at this meeting.',
  },
  'conduct.proxy_not_allowed': {
    bg: 'Органът не допуска представителство с пълномощно.',
    en: 'The body does not allow proxies.',
  },
  'conduct.proxy_required': {
    bg: 'Посочете присъстващия, който държи пълномощното.',
    en: 'Choose the present seat that holds the proxy.',
  },
  'conduct.proxy_not_present': {
    bg: 'Пълномощното може да държи само присъстващ на заседанието; „{name}“ не е отбелязан като присъстващ.',
    en: 'Only a seat present at the meeting can hold a proxy; “{name}” is not recorded as present.',
  },
  'conduct.tally_required': {
    bg: 'Въведете гласовете „за“, „против“ и „въздържал се“.',
    en: 'Enter the votes for, against and abstaining.',
  },
  'conduct.tally_exceeds': {
    bg: 'Гласовете ({total}) са повече от присъстващите и представляваните ({eligible}).',
    en: 'The votes ({total}) are more than the seats present or represented ({eligible}).',
  },
  'conduct.not_your_seat': {
    bg: 'Не можете да гласувате за това място: гласува присъстващият или държащият пълномощното.',
    en: 'You cannot vote for this seat: its present holder or its proxy votes.',
  },
  'application.section_missing': {
    bg: 'Тази част от заявлението още не е попълнена.',
    en: 'This part of the application is not filled in yet.',
  },
  'application.comment_required': {
    bg: 'Опишете какво трябва да се промени.',
    en: 'Describe what needs to change.',
  },
  'document.not_pdf': {
    bg: 'Файлът не е PDF документ.',
    en: 'The file is not a PDF document.',
  },
  'logo.not_image': {
    bg: 'Файлът не е изображение във формат PNG, JPEG или WebP.',
    en: 'The file is not a PNG, JPEG or WebP image.',
  },
  'logo.unreadable': {
    bg: 'Изображението е повредено и не може да бъде прочетено.',
    en: 'The image is damaged and cannot be read.',
  },
  'logo.too_many_pixels': {
    bg: 'Изображението има твърде много пиксели (най-много {max} мегапиксела).',
    en: 'The image has too many pixels (at most {max} megapixels).',
  },
  'invitation.already_representative': {
    bg: 'Потребителят с този имейл вече е представител на организацията.',
    en: 'The user with this email is already a representative of the organisation.',
  },
  'next.invalid': {
    bg: 'Адресът за връщане не е страница на портала.',
    en: 'The return address is not a page of the portal.',
  },
  'token.invalid': {
    bg: 'Връзката е невалидна, изтекла или вече използвана.',
    en: 'The link is invalid, expired or already used.',
  },
  // ---------- CSV import of organisations (issue 5) ----------
  'import.invalid.title': { bg: 'Файлът има грешки', en: 'The file has errors' },
  'import.invalid.detail': {
    bg: 'Нищо не е внесено: файлът има грешки ({count}); вижте списъка по редове.',
    en: 'Nothing was imported: the file has errors ({count}); see the list by line.',
  },
  'import.empty': {
    bg: 'Файлът няма редове с организации (освен заглавния ред).',
    en: 'The file has no organisation rows (besides the header).',
  },
  'import.not_csv': {
    bg: 'Изпратете файла като CSV (text/csv).',
    en: 'Send the file as CSV (text/csv).',
  },
  'import.not_utf8': {
    bg: 'Файлът не е в UTF-8. Запазете го като „CSV UTF-8“ и опитайте отново.',
    en: 'The file is not UTF-8. Save it as "CSV UTF-8" and try again.',
  },
  'import.too_many_rows': {
    bg: 'Файлът има {rows} реда; наведнъж се внасят най-много {max}. Разделете го на части.',
    en: 'The file has {rows} rows; at most {max} can be imported at once. Split it into parts.',
  },
  'import.malformed': {
    bg: 'Редът не може да се прочете като CSV (незатворени или излишни кавички).',
    en: 'The line cannot be read as CSV (an unclosed or stray quote).',
  },
  'import.delimiter': {
    bg: 'Колоните трябва да са разделени със запетая, не с точка и запетая.',
    en: 'Columns must be separated by commas, not semicolons.',
  },
  'import.column_unknown': {
    bg: 'Непозната колона „{column}“. Допустими колони: {columns}.',
    en: 'Unknown column "{column}". The columns are: {columns}.',
  },
  'import.column_duplicate': {
    bg: 'Колоната „{column}“ е посочена повече от веднъж.',
    en: 'The column "{column}" is named more than once.',
  },
  'import.column_missing': {
    bg: 'Липсва задължителната колона „{column}“.',
    en: 'The required column "{column}" is missing.',
  },
  'import.cell_count': {
    bg: 'Редът има {found} клетки, а заглавният ред — {expected}.',
    en: 'The line has {found} cells; the header has {expected}.',
  },
  'import.eik_duplicate': {
    bg: 'Същият ЕИК е и на ред {line}.',
    en: 'The same UIC is also on line {line}.',
  },
  'import.eik_exists': {
    bg: 'Организация с ЕИК {eik} вече е в портала.',
    en: 'An organisation with UIC {eik} is already in the portal.',
  },
  'import.eik_in_application': {
    bg: 'ЕИК {eik} е на открито заявление за членство.',
    en: 'UIC {eik} belongs to an open membership application.',
  },
  'import.area_unknown': {
    bg: 'Няма област „{value}“. Използвайте идентификаторите от списъка с области.',
    en: 'There is no area "{value}". Use the identifiers of the area list.',
  },
  'import.cell.eik': {
    bg: 'Задължителен валиден ЕИК/БУЛСТАТ от 9 или 13 цифри.',
    en: 'A valid UIC/BULSTAT of 9 or 13 digits is required.',
  },
  'import.cell.name_bg': {
    bg: 'Задължително име на български, до 300 знака.',
    en: 'A Bulgarian name of up to 300 characters is required.',
  },
  'import.cell.name_en': {
    bg: 'Задължително име на английски, до 300 знака.',
    en: 'An English name of up to 300 characters is required.',
  },
  'import.cell.kind': {
    bg: 'Задължителен вид организация, един от: {values}.',
    en: 'A kind of organisation is required, one of: {values}.',
  },
  'import.cell.areas': {
    bg: 'От 1 до 10 области, разделени с „;“ (например ict-software;energy).',
    en: 'From 1 to 10 areas separated by ";" (e.g. ict-software;energy).',
  },
  'import.cell.nace_codes': {
    bg: 'До 10 кода по КИД-2008, разделени с „;“ (например 62.01;72.19).',
    en: 'Up to 10 NACE codes separated by ";" (e.g. 62.01;72.19).',
  },
  'import.cell.employees': {
    bg: 'Цяло число от 0 до 1 000 000 или празно.',
    en: 'A whole number from 0 to 1,000,000, or empty.',
  },
  'import.cell.founded_year': {
    bg: 'Година от 1800 до 2100 или празно.',
    en: 'A year from 1800 to 2100, or empty.',
  },
  'import.cell.city': { bg: 'До 100 знака.', en: 'Up to 100 characters.' },
  'import.cell.address': { bg: 'До 300 знака.', en: 'Up to 300 characters.' },
  'import.cell.website': {
    bg: 'Адрес, започващ с http:// или https://, или празно.',
    en: 'An address starting with http:// or https://, or empty.',
  },
  'import.cell.public_email': {
    bg: 'Валиден имейл адрес или празно.',
    en: 'A valid email address, or empty.',
  },
  'import.cell.public_phone': {
    bg: 'Телефон от 6 до 30 цифри, интервали, скоби или тирета (може с + отпред), или празно.',
    en: 'A phone of 6 to 30 digits, spaces, brackets or hyphens (optionally starting with +), or empty.',
  },
  'import.cell.description_bg': { bg: 'До 5000 знака.', en: 'Up to 5000 characters.' },
  'import.cell.description_en': { bg: 'До 5000 знака.', en: 'Up to 5000 characters.' },
  'import.cell.category': {
    bg: 'Категория, една от: {values}; празно е regular.',
    en: 'A category, one of: {values}; empty means regular.',
  },
  'import.cell.status': {
    bg: 'Статус, един от: {values}; празно е active.',
    en: 'A status, one of: {values}; empty means active.',
  },
  'import.cell.member_since': {
    bg: 'Дата във вида ГГГГ-ММ-ДД, не в бъдещето, или празно.',
    en: 'A date as YYYY-MM-DD, not in the future, or empty.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** The message in the given language, with `{name}` placeholders filled from values. */
export function translate(lang: Language, key: MessageKey, values: Values = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
