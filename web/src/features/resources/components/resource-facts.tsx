import { Table, Text } from '@mantine/core';
import type { SharedResource } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { weekdayNames } from '../time.ts';

/** "Безплатно", or "12,00 € на час" for a fee (euro). */
export function useConditionsText() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (r: Pick<SharedResource, 'conditions' | 'feeCents' | 'feeUnit'>) =>
    r.conditions === 'fee' && r.feeCents !== null && r.feeUnit
      ? `${t('resources.conditions.fee')}: ${t('resources.fee', {
          amount: formatMoney(r.feeCents, language),
          unit: t(`resources.feeUnit.${r.feeUnit}`),
        })}`
      : t(`resources.conditions.${r.conditions}`);
}

/** A resource's terms and rules as a definition list; opening hours in Sofia time, Monday first. */
export function ResourceFacts({ resource }: { resource: SharedResource }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const conditions = useConditionsText();
  const days = weekdayNames(language);
  return (
    <dl className="facts">
      <dt>{t('resources.facts.conditions')}</dt>
      <dd>{conditions(resource)}</dd>
      {resource.location ? (
        <>
          <dt>{t('resources.facts.location')}</dt>
          <dd>{resource.location}</dd>
        </>
      ) : null}
      {resource.capacity !== null ? (
        <>
          <dt>{t('resources.facts.capacity')}</dt>
          <dd>{resource.capacity}</dd>
        </>
      ) : null}
      <dt>{t('resources.facts.whoMayBook')}</dt>
      <dd>{t(`resources.whoMayBook.${resource.whoMayBook}`)}</dd>
      <dt>{t('resources.facts.notice')}</dt>
      <dd>
        {resource.minNoticeHours > 0
          ? t('resources.noticeHours', { count: resource.minNoticeHours })
          : t('resources.noNotice')}
      </dd>
      <dt>{t('resources.facts.longest')}</dt>
      <dd>{t('resources.maxHours', { count: resource.maxBookingHours })}</dd>
      <dt>{t('resources.facts.hours')}</dt>
      <dd>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" w="auto">
          <Table.Tbody>
            {resource.openingHours.map((day, i) => (
              <Table.Tr key={days[i]}>
                <Table.Th scope="row" fw={500}>
                  {days[i]}
                </Table.Th>
                <Table.Td>
                  {day ? (
                    `${day.opens}–${day.closes}`
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('resources.closed')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </dd>
    </dl>
  );
}
