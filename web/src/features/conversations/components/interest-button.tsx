import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { can } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { principalOf, useSession } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useExpressInterest } from '../api/conversations.ts';
import { Composer } from './composer.tsx';
import '@/i18n/conversations.ts';

/** What the button needs of a board item (a `BoardItem` or `BoardItemSummary` will do). */
export interface InterestItem {
  id: string;
  titleBg: string;
  titleEn: string;
  organization: { id: string; nameBg: string; nameEn: string };
}

/**
 * "Interested" on a board item (issue 14 §2): a representative of another organisation that is an
 * active member writes a first message in a modal; that opens the private conversation (or the existing
 * one for the item and organisation), which is shown next. Renders nothing for anyone else (the item's own
 * representatives, the committee, administrators, visitors).
 */
export function InterestButton({ item }: { item: InterestItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data?.user;
  const [opened, modal] = useDisclosure(false);
  const interest = useExpressInterest(item.id);
  const candidates = (user?.organizations ?? []).filter(
    (o) => o.standing === 'active' && o.id !== item.organization.id,
  );
  // The session may load after the first render: until a choice is made, the first candidate.
  const [chosen, setOrganizationId] = useState<string | null>(null);
  const organizationId = chosen ?? candidates[0]?.id ?? null;
  const principal = principalOf(user);
  if (!principal || !can(principal, 'conversations.use') || candidates.length === 0) return null;

  const title = pickLocalized(item.titleBg, item.titleEn, language);
  const owner = pickLocalized(item.organization.nameBg, item.organization.nameEn, language).text;

  return (
    <>
      <Button onClick={modal.open}>{t('conversations.interest.button')}</Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={t('conversations.interest.title', { title: title.text })}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Composer
          label={t('conversations.interest.message')}
          submitLabel={t('conversations.interest.send')}
          pending={interest.isPending}
          error={interest.error}
          autoFocus
          onSend={async (body) => {
            const conversation = await interest.mutateAsync({
              body,
              ...(candidates.length > 1 && organizationId ? { organizationId } : {}),
            });
            modal.close();
            await navigate(paths.conversation.href(conversation.id));
          }}
        >
          <Stack gap="xs">
            <Text size="sm">{t('conversations.interest.intro', { organization: owner })}</Text>
            {candidates.length > 1 ? (
              <Select
                label={t('conversations.interest.organization')}
                data={candidates.map((o) => ({
                  value: o.id,
                  label: pickLocalized(o.nameBg, o.nameEn, language).text,
                }))}
                value={organizationId}
                onChange={setOrganizationId}
                allowDeselect={false}
              />
            ) : null}
          </Stack>
        </Composer>
      </Modal>
    </>
  );
}
