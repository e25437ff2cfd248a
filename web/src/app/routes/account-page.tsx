import { AccountPage } from '@/features/account/components/account-page.tsx';
import { ConversationEmailSetting } from '@/features/conversations/components/email-setting-section.tsx';

/**
 * /account — the account feature's page with the conversations feature's email setting as a section,
 * composed here because features do not import each other.
 */
export function AccountWithSettingsPage() {
  return <AccountPage Notifications={ConversationEmailSetting} />;
}
