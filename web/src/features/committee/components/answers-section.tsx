import { Anchor, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type Application, SHARING_KINDS } from '@portal/shared';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section.tsx';
import type { CommitteeMessages } from '@/i18n/committee.bg.ts';
import { useAreas } from '@/lib/api/areas.ts';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useAreaName } from './area-options.ts';

type Data = Application['data'];
type Row = [label: string, value: ReactNode];

/** One part of the form as a definition list, or a note that the applicant has not filled it in. */
function Part({ id, title, rows }: { id: string; title: string; rows: Row[] | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby={`answers-${id}`}>
      <Title order={3} size="h5" id={`answers-${id}`}>
        {title}
      </Title>
      {rows ? (
        <dl className="facts">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <Text size="sm" c="dimmed">
          {t('committee.answers.notFilled')}
        </Text>
      )}
    </Stack>
  );
}

/** The applicant's answers, every section of the form, read-only. */
export function AnswersSection({ data }: { data: Data }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const areaName = useAreaName(areas.data?.items);
  const none = (
    <Text component="span" size="sm" c="dimmed">
      {t('committee.answers.none')}
    </Text>
  );
  const text = (value: string | undefined) =>
    value?.trim() ? <span className="pre-line">{value}</span> : none;
  const f = (key: keyof CommitteeMessages['answers']['fields']) => t(`committee.answers.fields.${key}`);

  const {
    organization: o,
    contact: c,
    areas: a,
    offers,
    motivation: m,
    declarations: d,
    accession: x,
  } = data;
  const showsAccession = Boolean(x) || o?.kind === 'public_authority';

  return (
    <Section id="answers" title={t('committee.answers.title')}>
      <Part
        id="organization"
        title={t('committee.answers.sections.organization')}
        rows={
          o && [
            [
              f('nameBg'),
              <span key="nameBg" lang="bg">
                {o.nameBg}
              </span>,
            ],
            [
              f('nameEn'),
              <span key="nameEn" lang="en">
                {o.nameEn}
              </span>,
            ],
            [f('eik'), o.eik],
            [f('kind'), t(`kind.${o.kind}`)],
            [f('employees'), formatNumber(o.employees, language)],
            [f('foundedYear'), String(o.foundedYear)],
            [f('city'), o.city],
            [f('address'), o.address],
            [
              f('website'),
              o.website ? (
                <Anchor key="website" href={o.website} target="_blank" rel="noopener noreferrer">
                  {o.website}
                  <VisuallyHidden> {t('committee.answers.newTab')}</VisuallyHidden>
                </Anchor>
              ) : (
                none
              ),
            ],
            [f('naceCodes'), o.naceCodes.join(', ')],
          ]
        }
      />
      <Part
        id="contact"
        title={t('committee.answers.sections.contact')}
        rows={
          c && [
            [f('contactName'), c.name],
            [f('position'), c.position],
            [
              f('email'),
              <Anchor key="email" href={`mailto:${c.email}`}>
                {c.email}
              </Anchor>,
            ],
            [
              f('phone'),
              <Anchor key="phone" href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>
                {c.phone}
              </Anchor>,
            ],
          ]
        }
      />
      <Part
        id="areas"
        title={t('committee.answers.sections.areas')}
        rows={a && [[f('areaIds'), a.areaIds.map(areaName).join('; ')]]}
      />
      <Part
        id="offers"
        title={t('committee.answers.sections.offers')}
        rows={
          offers && [
            ...SHARING_KINDS.map(
              (kind): Row => [
                t('committee.answers.offers', { kind: t(`committee.answers.sharing.${kind}`) }),
                text(offers.offers[kind]),
              ],
            ),
            ...SHARING_KINDS.map(
              (kind): Row => [
                t('committee.answers.seeks', { kind: t(`committee.answers.sharing.${kind}`) }),
                text(offers.seeks[kind]),
              ],
            ),
          ]
        }
      />
      <Part
        id="motivation"
        title={t('committee.answers.sections.motivation')}
        rows={
          m && [
            [f('category'), t(`category.${m.category}`)],
            [f('motivation'), text(m.motivation)],
          ]
        }
      />
      <Part
        id="declarations"
        title={t('committee.answers.sections.declarations')}
        rows={
          d && [
            [f('acceptsStatute'), d.acceptsStatute ? t('committee.answers.yes') : t('committee.answers.no')],
            [
              f('consentsToDataProcessing'),
              d.consentsToDataProcessing ? t('committee.answers.yes') : t('committee.answers.no'),
            ],
            [f('declarationVersion'), d.version],
            [f('acceptedAt'), formatDateTime(d.acceptedAt, language)],
          ]
        }
      />
      {showsAccession ? (
        <Part
          id="accession"
          title={t('committee.answers.sections.accession')}
          rows={
            x && [
              [f('councilDecisionNumber'), x.councilDecisionNumber],
              [f('councilDecisionDate'), formatDate(x.councilDecisionDate, language)],
              [f('representativeName'), x.representativeName],
              [f('representativePosition'), x.representativePosition],
            ]
          }
        />
      ) : null}
    </Section>
  );
}
