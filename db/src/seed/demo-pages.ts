import type { SitePageEditBody, SitePageSlug } from '@portal/shared';

/**
 * The demo cluster's information pages (issue 11 C6). Written for the demo: the statute is a summary an
 * initiative committee could adopt, not a legal text; addresses and emails are fictional (`.example`).
 */
export const DEMO_SITE_PAGES: Record<SitePageSlug, SitePageEditBody> = {
  statute: {
    titleBg: 'Устав на клъстера',
    titleEn: 'Statute of the cluster',
    bodyBg: `Клъстерът „София – град на знанието“ обединява фирми, университети, научни организации и публични органи, които работят за развитието на София като град на знанието. Този текст обобщава устава, приет от инициативния комитет; пълният текст се предоставя при поискване.

Цели

- да изпълнява Иновационната стратегия за интелигентна специализация на София в областите „Информатика и ИКТ“ и „Нови технологии в креативните и рекреативните индустрии“;
- да укрепва иновационната екосистема на града;
- да дава на членовете достъп до споделена инфраструктура, информация и хора, включително между конкуренти;
- да подготвя съвместни проекти за финансиране.

Членство

Член може да бъде юридическо лице, еднолично дружество, университет, научна организация или публичен орган, който споделя целите на клъстера. Кандидатът подава заявление с необходимите документи; комитетът разглежда заявлението и решава с гласуване по правилата за кворум и мнозинство. Решенията се номерират и вписват в регистъра на решенията.

Категории и вноски

Членовете са пълноправни, асоциирани или кандидат-членове. Годишният членски внос зависи от категорията и се определя от общото събрание; размерът му се показва в портала при избора на категория.

Права и задължения

Членовете участват в дейността на клъстера, ползват споделените ресурси при равни условия и поддържат данните на своята организация актуални. Те спазват правилата за конфиденциалност и лоялна конкуренция.

Прекратяване

Членството се прекратява с напускане, с изключване по решение на комитета или с прекратяване на организацията. Комитетът може временно да спре членство при неплатен членски внос.`,
    bodyEn: `The cluster "Sofia City of Knowledge" brings together companies, universities, research organisations and public bodies working for Sofia's development as a city of knowledge. This text summarises the statute adopted by the initiative committee; the full text is available on request.

Aims

- to carry out Sofia's Innovation Strategy for Smart Specialisation in "Informatics and ICT" and "New technologies in creative and recreative industries";
- to strengthen the city's innovation ecosystem;
- to give members access to shared infrastructure, information and people, competitors included;
- to prepare joint projects for funding calls.

Membership

Any legal entity, sole trader, university, research organisation or public body that shares the cluster's aims may become a member. An applicant applies with the required documents; the committee reviews the application and decides by a vote under the rules for quorum and majority. Decisions are numbered and entered in the register of decisions.

Categories and fees

Members are full, associated or candidate members. The annual fee depends on the category and is set by the general assembly; the portal shows it where the category is chosen.

Rights and duties

Members take part in the cluster's activities, use shared resources on equal terms and keep their organisation's data current. They respect the rules on confidentiality and fair competition.

End of membership

Membership ends by withdrawal, by exclusion decided by the committee, or when the organisation ceases to exist. The committee may suspend a membership while a fee is unpaid.`,
  },
  privacy: {
    titleBg: 'Защита на личните данни',
    titleEn: 'Privacy notice',
    bodyBg: `Администратор на личните данни е клъстерът „София – град на знанието“ (контакти: privacy@sofia-knowledge.example).

Какви данни обработваме

- данни за профила: име, имейл, език и хеш на паролата (паролата не се съхранява);
- данни за представители и лица за контакт на организации: име, длъжност, имейл, телефон;
- данните, които въвеждате в заявление за членство, и приложените документи.

Защо и на какво основание

Обработваме данните, за да разгледаме заявлението за членство и да поддържаме членството (договорно основание), да водим регистъра на решенията и счетоводството (законово задължение) и да показваме данни за контакт в директорията само доколкото организацията е избрала (съгласие).

Кой вижда данните

Публично се показва само това, което организацията е избрала да е публично. Данните за контакт, видими за членове, виждат само представители на активни членове. Заявленията виждат кандидатът, комитетът и администраторите.

Колко време ги пазим

Данните на профила се пазят, докато профилът съществува. Решенията и плащанията се пазят колкото изисква законът. Администратор може да заличи личните данни на лице по негово искане; заличаването обхваща всички места, където те са записани.

Вашите права

Имате право на достъп, корекция, изтриване, ограничаване, преносимост и възражение. Можете да изтеглите данните на профила си от страницата „Профил“. Имате право на жалба до Комисията за защита на личните данни.`,
    bodyEn: `The controller of personal data is the cluster "Sofia City of Knowledge" (contact: privacy@sofia-knowledge.example).

What we process

- account data: name, email, language and a hash of the password (the password itself is never stored);
- data about organisations' representatives and contact persons: name, position, email, phone;
- what you enter in a membership application and the documents you attach.

Why, and on what basis

We process the data to review a membership application and to keep a membership (contract), to keep the register of decisions and the accounts (legal obligation), and to show contact details in the directory only as far as the organisation chose (consent).

Who sees the data

Only what an organisation chose to make public is shown publicly. Contact details visible to members are seen only by representatives of active members. Applications are seen by the applicant, the committee and administrators.

How long we keep it

Account data is kept while the account exists. Decisions and payments are kept as long as the law requires. An administrator can erase a person's personal data at their request; erasure reaches every place where it is stored.

Your rights

You have the right of access, rectification, erasure, restriction, portability and objection. You can download your account's data from the Account page. You may complain to the Commission for Personal Data Protection.`,
  },
  contact: {
    titleBg: 'Контакти',
    titleEn: 'Contact',
    bodyBg: `Клъстер „София – град на знанието“

- Адрес: София, бул. „Цар Освободител“ 15 (адресът в демото е измислен)
- Имейл: office@sofia-knowledge.example
- Въпроси за членството: membership@sofia-knowledge.example
- Защита на личните данни: privacy@sofia-knowledge.example

Инициативният комитет отговаря на запитвания в рамките на пет работни дни.`,
    bodyEn: `Cluster "Sofia City of Knowledge"

- Address: 15 Tsar Osvoboditel Blvd, Sofia (the demo's address is fictional)
- Email: office@sofia-knowledge.example
- Membership questions: membership@sofia-knowledge.example
- Data protection: privacy@sofia-knowledge.example

The initiative committee answers enquiries within five working days.`,
  },
};
