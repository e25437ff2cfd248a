import type { Language } from '@portal/shared';

/**
 * Email templates in Bulgarian and English, chosen by the recipient's language. Plain text: it reads
 * well in every client and on the admin mailbox page, and links stay copyable.
 */
export const TEMPLATES = {
  news_proposal_approved: {
    bg: {
      subject: 'Новината „{title}“ е одобрена',
      text: 'Здравейте, {name}!\n\nКомитетът одобри новината на {organization} „{title}“. Тя е публикувана (или ще бъде на посочената дата) тук:\n\n{link}',
    },
    en: {
      subject: 'Your news "{title}" was approved',
      text: 'Hello {name},\n\nThe committee approved the news of {organization} "{title}". It is published (or will be at the time set) here:\n\n{link}',
    },
  },
  news_proposal_returned: {
    bg: {
      subject: 'Новината „{title}“ е върната за промени',
      text: 'Здравейте, {name}!\n\nКомитетът върна новината на {organization} „{title}“ със следната причина:\n\n{reason}\n\nМожете да я промените и да я изпратите отново:\n{link}',
    },
    en: {
      subject: 'Your news "{title}" was returned for changes',
      text: 'Hello {name},\n\nThe committee returned the news of {organization} "{title}" with this reason:\n\n{reason}\n\nYou can change it and submit it again:\n{link}',
    },
  },
  member_contact: {
    bg: {
      subject: 'Съобщение през портала: {subject}',
      text: 'Здравейте, {name}!\n\nПосетител на портала на клъстера ви писа през формата за контакт на страницата на {organization}. Порталът не показва адреса ви: отговорът ви отива направо на подателя (той е в „Отговор до“).\n\nОт: {senderName} <{senderEmail}>\nОрганизация: {senderOrganization}\nТема: {subject}\n\n{message}\n\n—\nПолучавате това писмо, защото {organization} приема съобщения от посетители през портала. Можете да го изключите в профила на организацията:\n{link}',
    },
    en: {
      subject: 'Message through the portal: {subject}',
      text: 'Hello {name},\n\nA visitor of the cluster portal wrote to you through the contact form on the page of {organization}. The portal does not show your address: your reply goes straight to the sender (who is in "Reply-To").\n\nFrom: {senderName} <{senderEmail}>\nOrganisation: {senderOrganization}\nSubject: {subject}\n\n{message}\n\n—\nYou receive this email because {organization} accepts messages from visitors through the portal. You can turn this off in the organisation\'s profile:\n{link}',
    },
  },
  event_registration_confirmed: {
    bg: {
      subject: 'Записани сте за „{title}“',
      text: 'Здравейте, {name}!\n\nЗаписахме ви за „{title}“.\n\nКога: {when} (българско време)\nКъде: {place}\n\nПовече за събитието:\n{link}\n\nАко не можете да дойдете, откажете записването си, за да освободите мястото:\n{cancelLink}',
    },
    en: {
      subject: 'You are registered for "{title}"',
      text: 'Hello {name},\n\nYou are registered for "{title}".\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\nMore about the event:\n{link}\n\nIf you cannot come, please cancel your registration so that someone else can have the seat:\n{cancelLink}',
    },
  },
  event_registration_waiting: {
    bg: {
      subject: 'В списъка на чакащите сте за „{title}“',
      text: 'Здравейте, {name}!\n\nВсички места за „{title}“ ({when}, българско време) са заети, затова ви записахме в списъка на чакащите. Ако се освободи място, ще ви го дадем по реда на записване и ще ви пишем.\n\nПовече за събитието:\n{link}\n\nАко вече не искате да идвате, откажете записването си:\n{cancelLink}',
    },
    en: {
      subject: 'You are on the waiting list for "{title}"',
      text: 'Hello {name},\n\nAll seats for "{title}" ({when}, Sofia time) are taken, so you are on the waiting list. If a seat becomes free it goes to the waiting list in the order of registration, and we will write to you.\n\nMore about the event:\n{link}\n\nIf you no longer want to come, cancel your registration:\n{cancelLink}',
    },
  },
  event_registration_promoted: {
    bg: {
      subject: 'Освободи се място за „{title}“ — записани сте',
      text: 'Здравейте, {name}!\n\nОсвободи се място за „{title}“ и вече сте записани (не сте в списъка на чакащите).\n\nКога: {when} (българско време)\nКъде: {place}\n\nПовече за събитието:\n{link}\n\nАко не можете да дойдете, използвайте връзката за отказ от първия ни имейл.',
    },
    en: {
      subject: 'A seat became free for "{title}": you are registered',
      text: 'Hello {name},\n\nA seat became free for "{title}" and you now have it (you are no longer on the waiting list).\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\nMore about the event:\n{link}\n\nIf you cannot come, please use the cancellation link in our first email.',
    },
  },
  event_changed: {
    bg: {
      subject: 'Промяна: „{title}“ — нов час или място',
      text: 'Здравейте, {name}!\n\nОрганизаторите промениха часа или мястото на „{title}“, за което сте записани. Ето актуалните данни:\n\nКога: {when} (българско време)\nКъде: {place}\n\nЗаписването ви остава в сила; обновеният запис за календара е приложен.\n\nПовече за събитието:\n{link}\n\nАко вече не можете да дойдете, използвайте връзката за отказ от първия ни имейл.',
    },
    en: {
      subject: 'Change: "{title}" has a new time or place',
      text: 'Hello {name},\n\nThe organisers changed the time or place of "{title}", which you are registered for. Here are the current details:\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\nYour registration stands; the updated calendar entry is attached.\n\nMore about the event:\n{link}\n\nIf you can no longer come, please use the cancellation link in our first email.',
    },
  },
  event_changed_waiting: {
    bg: {
      subject: 'Промяна: „{title}“ — нов час или място',
      text: 'Здравейте, {name}!\n\nОрганизаторите промениха часа или мястото на „{title}“. Все още сте в списъка на чакащите; ако се освободи място, ще ви пишем.\n\nКога: {when} (българско време)\nКъде: {place}\n\nПовече за събитието:\n{link}\n\nАко вече не искате да идвате, използвайте връзката за отказ от първия ни имейл.',
    },
    en: {
      subject: 'Change: "{title}" has a new time or place',
      text: 'Hello {name},\n\nThe organisers changed the time or place of "{title}". You are still on the waiting list; if a seat becomes free, we will write to you.\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\nMore about the event:\n{link}\n\nIf you no longer want to come, please use the cancellation link in our first email.',
    },
  },
  conversation_digest: {
    bg: {
      subject: 'Нови съобщения от {organization} за „{item}“',
      text: 'Здравейте, {name}!\n\n{organization} ви писа в разговора за „{item}“ (нови съобщения: {count}):\n\n{messages}\n\nОтговорете в портала:\n{link}\n\nПолучавате най-много един такъв имейл на час за разговор. Можете да ги изключите от страницата на профила си:\n{settingsLink}',
    },
    en: {
      subject: 'New messages from {organization} about "{item}"',
      text: 'Hello {name},\n\n{organization} wrote to you in the conversation about "{item}" (new messages: {count}):\n\n{messages}\n\nReply in the portal:\n{link}\n\nYou get at most one such email an hour per conversation. You can turn them off on your account page:\n{settingsLink}',
    },
  },
  conversation_agreement_proposed: {
    bg: {
      subject: '{organization} предлага да отбележите партньорство',
      text: 'Здравейте, {name}!\n\n{organization} отбеляза в разговора за „{item}“, че сте се споразумели за партньорство. Потвърдете го, за да бъде вписано партньорството в клъстера, или го отклонете:\n\n{link}',
    },
    en: {
      subject: '{organization} proposes to record a partnership',
      text: 'Hello {name},\n\n{organization} marked in the conversation about "{item}" that you agreed on a partnership. Confirm it to record the partnership in the cluster, or decline it:\n\n{link}',
    },
  },
  conversation_agreement_withdrawn: {
    bg: {
      subject: '{organization} оттегли предложението за партньорство',
      text: 'Здравейте, {name}!\n\n{organization} оттегли предложението си за партньорство в разговора за „{item}“. Разговорът отново е отворен:\n\n{link}',
    },
    en: {
      subject: '{organization} withdrew the partnership proposal',
      text: 'Hello {name},\n\n{organization} withdrew its partnership proposal in the conversation about "{item}". The conversation is open again:\n\n{link}',
    },
  },
  conversation_agreement_declined: {
    bg: {
      subject: '{organization} отклони предложението за партньорство',
      text: 'Здравейте, {name}!\n\n{organization} отклони предложението ви за партньорство в разговора за „{item}“. Разговорът отново е отворен.{reasonNote}\n\n{link}',
    },
    en: {
      subject: '{organization} declined the partnership proposal',
      text: 'Hello {name},\n\n{organization} declined your partnership proposal in the conversation about "{item}". The conversation is open again.{reasonNote}\n\n{link}',
    },
  },
  conversation_agreement_confirmed: {
    bg: {
      subject: '{organization} потвърди партньорството',
      text: 'Здравейте, {name}!\n\n{organization} потвърди партньорството, договорено в разговора за „{item}“. То вече е вписано в клъстера; на страницата на разговора можете да решите дали да се показва в публичния профил:\n\n{link}',
    },
    en: {
      subject: '{organization} confirmed the partnership',
      text: 'Hello {name},\n\n{organization} confirmed the partnership agreed in the conversation about "{item}". It is now recorded in the cluster; on the conversation page you can choose whether to show it on the public profile:\n\n{link}',
    },
  },
  membership_changed: {
    bg: {
      subject: 'Промяна в членството на {organization}',
      text: 'Здравейте, {name}!\n\nКомитетът на клъстера отбеляза {change} за {organization}, в сила от {effectiveOn}{decision}.\n\nЧленството сега: {status}, {category}.\n\n{link}',
    },
    en: {
      subject: 'A change in the membership of {organization}',
      text: 'Hello {name},\n\nThe cluster committee recorded a {change} for {organization}, effective {effectiveOn}{decision}.\n\nThe membership now: {status}, {category}.\n\n{link}',
    },
  },
  board_item_expiring: {
    bg: {
      subject: 'Обявлението „{title}“ изтича на {date}',
      text: 'Здравейте, {name}!\n\nОбявлението „{title}“ на {organization} в борсата за сътрудничество е валидно до {date}. След тази дата то излиза от борсата.\n\nАко все още е актуално, редактирайте го и изберете нова дата (до една година напред); ако вече не е, затворете го с резултата:\n\n{link}',
    },
    en: {
      subject: 'The item "{title}" expires on {date}',
      text: 'Hello {name},\n\nThe item "{title}" of {organization} on the cooperation board is valid until {date}. After that day it leaves the board.\n\nIf it is still current, edit it and choose a new date (up to a year ahead); if it is not, close it with its outcome:\n\n{link}',
    },
  },
  verify_email: {
    bg: {
      subject: 'Потвърдете имейла си за портала на клъстера',
      text: 'Здравейте, {name}!\n\nЗа да завършите регистрацията си в портала на клъстера, отворете тази връзка (валидна 24 часа):\n\n{link}\n\nАко не сте се регистрирали вие, не правете нищо.',
    },
    en: {
      subject: 'Confirm your email for the cluster portal',
      text: 'Hello {name},\n\nTo finish signing up to the cluster portal, open this link (valid for 24 hours):\n\n{link}\n\nIf you did not sign up, ignore this email.',
    },
  },
  sign_up_existing: {
    bg: {
      subject: 'Опит за регистрация с вашия имейл',
      text: 'Здравейте!\n\nНякой се опита да създаде профил в портала на клъстера с този имейл, но той вече е регистриран. Ако сте били вие, влезте или подновете паролата си:\n\n{link}\n\nАко не сте били вие, не правете нищо.',
    },
    en: {
      subject: 'Someone tried to sign up with your email',
      text: 'Hello,\n\nSomeone tried to create a cluster portal account with this email, which is already registered. If it was you, log in or reset your password:\n\n{link}\n\nIf it was not you, ignore this email.',
    },
  },
  reset_password: {
    bg: {
      subject: 'Нова парола за портала на клъстера',
      text: 'Здравейте, {name}!\n\nЗа да зададете нова парола, отворете тази връзка. Тя е валидна 1 час и може да се използва веднъж:\n\n{link}\n\nАко не сте поискали нова парола, не правете нищо: старата остава валидна.',
    },
    en: {
      subject: 'Reset your cluster portal password',
      text: 'Hello {name},\n\nTo set a new password, open this link. It is valid for 1 hour and works once:\n\n{link}\n\nIf you did not ask for a new password, ignore this email: your password stays the same.',
    },
  },
  password_changed: {
    bg: {
      subject: 'Паролата ви беше сменена',
      text: 'Здравейте, {name}!\n\nПаролата на профила ви в портала на клъстера беше сменена и всички други сесии бяха прекратени. Ако не сте били вие, подновете паролата си веднага:\n\n{link}',
    },
    en: {
      subject: 'Your password was changed',
      text: 'Hello {name},\n\nThe password of your cluster portal account was changed and all other sessions were ended. If this was not you, reset your password now:\n\n{link}',
    },
  },
  change_email: {
    bg: {
      subject: 'Потвърдете новия си имейл',
      text: 'Здравейте, {name}!\n\nЗа да използвате този адрес за профила си в портала на клъстера, отворете тази връзка (валидна 1 час):\n\n{link}\n\nАко не сте поискали промяна, не правете нищо.',
    },
    en: {
      subject: 'Confirm your new email',
      text: 'Hello {name},\n\nTo use this address for your cluster portal account, open this link (valid for 1 hour):\n\n{link}\n\nIf you did not ask for this change, ignore this email.',
    },
  },
  email_change_requested: {
    bg: {
      subject: 'Поискана е смяна на имейла ви',
      text: 'Здравейте, {name}!\n\nПоискана е смяна на имейла на профила ви в портала на клъстера на {newEmail}. Другите ви сесии бяха прекратени. Ако не сте били вие, подновете паролата си веднага:\n\n{link}',
    },
    en: {
      subject: 'A change of your email was requested',
      text: 'Hello {name},\n\nA change of your cluster portal account email to {newEmail} was requested. Your other sessions were ended. If this was not you, reset your password now:\n\n{link}',
    },
  },
  email_in_use: {
    bg: {
      subject: 'Опит за използване на вашия имейл',
      text: 'Здравейте!\n\nНякой поиска да използва този имейл за друг профил в портала на клъстера. Адресът вече е регистриран, затова нищо не е променено.',
    },
    en: {
      subject: 'Someone tried to use your email',
      text: 'Hello,\n\nSomeone asked to use this email for another cluster portal account. The address is already registered, so nothing was changed.',
    },
  },
  application_changes_requested: {
    bg: {
      subject: 'Комитетът иска промени в заявлението ви',
      text: 'Здравейте, {name}!\n\nКомитетът на клъстера разгледа заявлението на {organization} и иска промени:\n\n{comment}\n\nНанесете ги и подайте заявлението отново:\n\n{link}',
    },
    en: {
      subject: 'The committee asks for changes to your application',
      text: 'Hello {name},\n\nThe cluster committee reviewed the application of {organization} and asks for changes:\n\n{comment}\n\nMake them and submit the application again:\n\n{link}',
    },
  },
  // Issue 11 C7: a submission is confirmed to the applicant and announced to the committee.
  application_submitted: {
    bg: {
      subject: 'Заявлението на {organization} е подадено',
      text: 'Здравейте, {name}!\n\nПолучихме заявлението за членство на {organization}. Инициативният комитет ще го разгледа; може да поиска допълнения, след което гласува. Състоянието на заявлението и съобщенията от комитета са тук:\n\n{link}',
    },
    en: {
      subject: 'The application of {organization} has been submitted',
      text: 'Hello {name},\n\nWe have received the membership application of {organization}. The steering committee will review it; it may ask for changes, and then it votes. Follow the application and the committee’s messages here:\n\n{link}',
    },
  },
  application_resubmitted: {
    bg: {
      subject: 'Заявлението на {organization} е подадено отново',
      text: 'Здравейте, {name}!\n\nПолучихме допълненото заявление за членство на {organization}. Инициативният комитет продължава разглеждането му. Състоянието на заявлението и съобщенията от комитета са тук:\n\n{link}',
    },
    en: {
      subject: 'The application of {organization} has been submitted again',
      text: 'Hello {name},\n\nWe have received the updated membership application of {organization}. The steering committee continues its review. Follow the application and the committee’s messages here:\n\n{link}',
    },
  },
  application_to_review: {
    bg: {
      subject: 'Ново заявление за членство: {organization}',
      text: 'Здравейте, {name}!\n\n{organization} подаде заявление за членство в клъстера. Заявлението очаква разглеждане от комитета:\n\n{link}',
    },
    en: {
      subject: 'New membership application: {organization}',
      text: 'Hello {name},\n\n{organization} has applied for membership of the cluster. The application is waiting for the committee’s review:\n\n{link}',
    },
  },
  application_resubmitted_to_review: {
    bg: {
      subject: 'Допълнено заявление: {organization}',
      text: 'Здравейте, {name}!\n\n{organization} нанесе поисканите промени и подаде заявлението си отново.{note}\n\nЗаявлението очаква разглеждане от комитета:\n\n{link}',
    },
    en: {
      subject: 'Updated application: {organization}',
      text: 'Hello {name},\n\n{organization} has made the requested changes and submitted its application again.{note}\n\nThe application is waiting for the committee’s review:\n\n{link}',
    },
  },
  application_message: {
    bg: {
      subject: 'Ново съобщение по заявлението ви',
      text: 'Здравейте, {name}!\n\nКомитетът на клъстера ви писа по заявлението на {organization}:\n\n{comment}\n\n{link}',
    },
    en: {
      subject: 'A new message about your application',
      text: 'Hello {name},\n\nThe cluster committee wrote to you about the application of {organization}:\n\n{comment}\n\n{link}',
    },
  },
  application_vote_opened: {
    bg: {
      subject: 'Гласуване: {organization}',
      text: 'Здравейте, {name}!\n\nОткрито е гласуване по заявлението за членство на {organization}. Гласувайте или декларирайте конфликт на интереси:\n\n{link}',
    },
    en: {
      subject: 'Vote: {organization}',
      text: 'Hello {name},\n\nA vote on the membership application of {organization} is open. Cast your vote or declare a conflict of interest:\n\n{link}',
    },
  },
  application_decided: {
    bg: {
      subject: 'Решение № {number}: {organization}',
      text: 'Здравейте, {name}!\n\nС решение № {number} комитетът на клъстера {verdict} {organization}.\n\n{link}',
    },
    en: {
      subject: 'Decision No {number}: {organization}',
      text: 'Hello {name},\n\nBy decision No {number} the cluster committee {verdict} {organization}.\n\n{link}',
    },
  },
  application_no_quorum: {
    bg: {
      subject: 'Гласуването за {organization} приключи без кворум',
      text: 'Здравейте, {name}!\n\nГласуването по заявлението на {organization} приключи без кворум. Заявлението се връща за разглеждане и председателят може да открие ново гласуване.\n\n{link}',
    },
    en: {
      subject: 'The vote on {organization} closed without a quorum',
      text: 'Hello {name},\n\nThe vote on the application of {organization} closed without a quorum. The application returns to review and the chair may open a new vote.\n\n{link}',
    },
  },
  representative_invitation: {
    bg: {
      subject: 'Покана да представлявате {organization} в портала на клъстера',
      text: 'Здравейте!\n\n{inviter} ви кани да станете представител на {organization} в портала на клъстера. Представителите редактират профила на организацията и канят колеги.\n\nЗа да приемете, отворете тази връзка (валидна {days} дни) и влезте с профила си с този имейл ({email}); ако нямате профил, първо се регистрирайте с него:\n\n{link}\n\nАко не очаквате тази покана, не правете нищо.',
    },
    en: {
      subject: 'Invitation to represent {organization} on the cluster portal',
      text: "Hello,\n\n{inviter} invites you to become a representative of {organization} on the cluster portal. Representatives edit the organisation's profile and invite colleagues.\n\nTo accept, open this link (valid for {days} days) and log in with your account of this email ({email}); if you have no account, sign up with it first:\n\n{link}\n\nIf you did not expect this invitation, ignore this email.",
    },
  },
  meeting_invitation: {
    bg: {
      subject: 'Покана: {body} — {title}',
      text: 'Здравейте, {name}!\n\nКаним ви на заседание на {body}: „{title}“.\n\nКога: {when} (българско време)\nКъде: {place}\n\nДневният ред и материалите са в портала, където можете и да потвърдите участието си:\n{link}\n\nЗаседанието е приложено като събитие за календара ви.',
    },
    en: {
      subject: 'Invitation: {body} — {title}',
      text: 'Hello {name},\n\nYou are invited to a meeting of the {body}: "{title}".\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\nThe agenda and documents are on the portal, where you can also say whether you will attend:\n{link}\n\nThe meeting is attached as an event for your calendar.',
    },
  },
  meeting_updated: {
    bg: {
      subject: 'Промяна: {body} — {title}',
      text: 'Здравейте, {name}!\n\nЗаседанието на {body} „{title}“ е с променено време или място.\n\nКога: {when} (българско време)\nКъде: {place}\n\n{link}\n\nПриложеното събитие заменя предишното в календара ви.',
    },
    en: {
      subject: 'Changed: {body} — {title}',
      text: 'Hello {name},\n\nThe meeting of the {body} "{title}" has a new time or place.\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\n{link}\n\nThe attached event replaces the earlier one in your calendar.',
    },
  },
  meeting_cancelled: {
    bg: {
      subject: 'Отменено: {body} — {title}',
      text: 'Здравейте, {name}!\n\nЗаседанието на {body} „{title}“ ({when}) е отменено.\n\nПричина: {reason}\n\n{link}',
    },
    en: {
      subject: 'Cancelled: {body} — {title}',
      text: 'Hello {name},\n\nThe meeting of the {body} "{title}" ({when}) is cancelled.\n\nReason: {reason}\n\n{link}',
    },
  },
  meeting_reminder: {
    bg: {
      subject: 'Утре: {body} — {title}',
      text: 'Здравейте, {name}!\n\nНапомняме за заседанието на {body} „{title}“ утре.\n\nКога: {when} (българско време)\nКъде: {place}\n\n{link}',
    },
    en: {
      subject: 'Tomorrow: {body} — {title}',
      text: 'Hello {name},\n\nA reminder of the meeting of the {body} "{title}" tomorrow.\n\nWhen: {when} (Sofia time)\nWhere: {place}\n\n{link}',
    },
  },
  call_deadline_reminder: {
    bg: {
      subject: 'Напомняне: крайният срок на „{title}“ е {deadline}',
      text: 'Здравейте, {name}!\n\n{organization} заяви интерес към поканата „{title}“ ({programme}).\n\nКраен срок: {deadline} (българско време)\n\nИзискваните документи и кои членове също проявяват интерес са в портала:\n{link}',
    },
    en: {
      subject: 'Reminder: the deadline of "{title}" is {deadline}',
      text: 'Hello {name},\n\n{organization} is interested in the call "{title}" ({programme}).\n\nDeadline: {deadline} (Sofia time)\n\nThe required documents and which other members are interested are on the portal:\n{link}',
    },
  },
  project_invitation: {
    bg: {
      subject: 'Покана за партньорство в проекта „{title}“',
      text: 'Здравейте, {name}!\n\n{lead} кани {organization} да стане партньор в проекта „{title}“.\n\n{message}\n\nМожете да приемете или откажете поканата в портала:\n{link}',
    },
    en: {
      subject: 'Invitation to partner in the project "{title}"',
      text: 'Hello {name},\n\n{lead} invites {organization} to become a partner in the project "{title}".\n\n{message}\n\nYou can accept or decline the invitation on the portal:\n{link}',
    },
  },
  project_join_requested: {
    bg: {
      subject: '{organization} иска да се присъедини към „{title}“',
      text: 'Здравейте, {name}!\n\n{organization} иска да се присъедини като партньор към проекта „{title}“, който води {lead}.\n\n{message}\n\nМожете да приемете или откажете искането в портала:\n{link}',
    },
    en: {
      subject: '{organization} asks to join "{title}"',
      text: 'Hello {name},\n\n{organization} asks to join the project "{title}", led by {lead}, as a partner.\n\n{message}\n\nYou can accept or decline the request on the portal:\n{link}',
    },
  },
  project_invitation_accepted: {
    bg: {
      subject: '{organization} прие поканата за „{title}“',
      text: 'Здравейте, {name}!\n\n{organization} прие поканата и вече е партньор в проекта „{title}“. Бюджетът трябва да се разпредели и между новия партньор.\n\n{link}',
    },
    en: {
      subject: '{organization} accepted the invitation to "{title}"',
      text: 'Hello {name},\n\n{organization} accepted the invitation and is now a partner in the project "{title}". The budget now needs a share for the new partner.\n\n{link}',
    },
  },
  project_invitation_declined: {
    bg: {
      subject: '{organization} отказа поканата за „{title}“',
      text: 'Здравейте, {name}!\n\n{organization} отказа поканата да стане партньор в проекта „{title}“.\n\n{link}',
    },
    en: {
      subject: '{organization} declined the invitation to "{title}"',
      text: 'Hello {name},\n\n{organization} declined the invitation to become a partner in the project "{title}".\n\n{link}',
    },
  },
  project_join_accepted: {
    bg: {
      subject: 'Приети сте в проекта „{title}“',
      text: 'Здравейте, {name}!\n\n{lead} прие искането на {organization} и тя вече е партньор в проекта „{title}“.\n\n{link}',
    },
    en: {
      subject: 'You are a partner in "{title}"',
      text: 'Hello {name},\n\n{lead} accepted the request of {organization}, which is now a partner in the project "{title}".\n\n{link}',
    },
  },
  project_join_declined: {
    bg: {
      subject: 'Искането за „{title}“ е отказано',
      text: 'Здравейте, {name}!\n\n{lead} отказа искането на {organization} да се присъедини към проекта „{title}“.\n\n{link}',
    },
    en: {
      subject: 'The request to join "{title}" was declined',
      text: 'Hello {name},\n\n{lead} declined the request of {organization} to join the project "{title}".\n\n{link}',
    },
  },
} satisfies Record<string, Record<Language, { subject: string; text: string }>>;

export type TemplateName = keyof typeof TEMPLATES;

export function renderEmail(
  template: TemplateName,
  language: Language,
  values: Record<string, string>,
): { subject: string; text: string } {
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  const t = TEMPLATES[template][language];
  return { subject: fill(t.subject), text: fill(t.text) };
}
