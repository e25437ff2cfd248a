import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { EikSchema } from '@portal/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import * as z from 'zod';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { useCompetitors, useSaveCompetitors } from '../api/competitors.ts';

const AddCompetitorSchema = z.object({ eik: EikSchema });

/**
 * /my/organizations/:id/competitors — the organisations (by ЕИК) this member declares itself a competitor
 * of: its representatives on the committee are recused from their applications (issue 11 A3, decision 013).
 */
export function CompetitorsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useCompetitors(id);
  const save = useSaveCompetitors(id);
  const form = useSchemaForm({ initialValues: { eik: '' }, schema: AddCompetitorSchema });
  const [removing, setRemoving] = useState<string>();
  const [status, setStatus] = useState('');
  const eiks = list.data?.eiks ?? [];

  const add = form.onSubmit(
    (body) => {
      setStatus('');
      if (eiks.includes(body.eik)) {
        setStatus(t('myOrganization.competitors.already', { eik: body.eik }));
        form.reset();
        return;
      }
      save.mutate([...eiks, body.eik], {
        onSuccess: () => {
          setStatus(t('myOrganization.competitors.added', { eik: body.eik }));
          form.reset();
        },
        onError: (error) => form.showServerErrors(error),
      });
    },
    () => setStatus(''),
  );
  const confirmRemove = () => {
    if (!removing) return;
    const eik = removing;
    save.mutate(
      eiks.filter((e) => e !== eik),
      {
        onSuccess: () => {
          setRemoving(undefined);
          setStatus(t('myOrganization.competitors.removed', { eik }));
        },
      },
    );
  };
  const rest = form.alertFor(save.error);

  let content: ReactNode;
  if (list.isPending) content = <Skeleton height={60} />;
  else if (list.isError) content = <QueryError error={list.error} onRetry={() => list.refetch()} />;
  else if (eiks.length === 0) content = <Text>{t('myOrganization.competitors.empty')}</Text>;
  else
    content = (
      <Stack
        component="ul"
        gap="xs"
        className="plain-list"
        aria-label={t('myOrganization.competitors.listLabel')}
      >
        {eiks.map((eik) => (
          <Group component="li" key={eik} justify="space-between" gap="sm" wrap="wrap">
            <Text>{t('myOrganization.competitors.eik', { eik })}</Text>
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              onClick={() => {
                save.reset();
                setRemoving(eik);
              }}
              aria-label={t('myOrganization.competitors.removeLabel', { eik })}
            >
              {t('myOrganization.competitors.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
    );

  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="competitors-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="competitors-title">
          {t('myOrganization.competitors.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('myOrganization.competitors.intro')}
        </Text>
        {content}
        <form ref={form.formRef} onSubmit={add} noValidate>
          <Stack gap="sm">
            {save.isError && removing === undefined && rest !== undefined ? (
              <ProblemAlert error={save.error} fieldErrors={rest} />
            ) : null}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={t('myOrganization.competitors.eikLabel')}
                inputMode="numeric"
                autoComplete="off"
                required
                style={{ flex: '1 1 14rem' }}
                {...form.field('eik')}
              />
              <Button
                type="submit"
                loading={save.isPending && removing === undefined}
                disabled={!list.isSuccess}
                mt={{ base: 0, xs: 25 }}
              >
                {t('myOrganization.competitors.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Text size="sm" c="teal.9" role="status">
          {status}
        </Text>
      </Stack>
      <ConfirmModal
        opened={removing !== undefined}
        title={t('myOrganization.competitors.removeTitle')}
        text={removing ? t('myOrganization.competitors.removeText', { eik: removing }) : ''}
        confirmLabel={t('myOrganization.competitors.removeConfirm')}
        pending={save.isPending}
        error={save.error}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(undefined)}
      />
    </Paper>
  );
}
