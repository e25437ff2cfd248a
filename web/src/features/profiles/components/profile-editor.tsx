import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type Area,
  type ContactField,
  SHARING_KINDS,
  sizeClassFromStaff,
  VISIBILITIES,
} from '@portal/shared';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useFetchCurrentProfile, useSaveProfile, type VersionedProfile } from '../api/profile.ts';
import { fieldLabel } from '../field-display.ts';
import {
  changedFields,
  reapply,
  SHARING_SIDES,
  toStaff,
  valuesOf,
  visibilityField,
} from '../profile-values.ts';
import { type ProfileForm, useProfileForm } from '../use-profile-form.ts';
import { ConflictPanel, type ConflictState } from './conflict-panel.tsx';

type Notice = 'saved' | 'unchanged' | 'reapplied' | 'discarded';

/**
 * The profile's edit form. Every save names the version the form's values build on (`If-Match`), so a
 * colleague's save in between is refused (412) instead of overwritten; the user then compares, and
 * re-applies their changes onto the current version or takes it as it is.
 */
export function ProfileEditor({ id, initial }: { id: string; initial: VersionedProfile }) {
  const { t } = useTranslation();
  // The saved version the form's values build on: its ETag goes with the next save. It changes only when
  // the user saves, re-applies or discards, never behind the user's back (e.g. by a refetch).
  const [base, setBase] = useState(initial);
  const form = useProfileForm(valuesOf(initial.profile));
  const save = useSaveProfile(id);
  const me = useSession().data?.user?.id;
  const fetchCurrent = useFetchCurrentProfile(id);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const topNoticeRef = useRef<HTMLParagraphElement>(null);

  const baseValues = valuesOf(base.profile);
  const dirty = changedFields(form.values, baseValues).length > 0;

  const loadConflict = async () => {
    setConflict({ status: 'loading' });
    try {
      setConflict({ status: 'ready', current: await fetchCurrent() });
    } catch (error) {
      setConflict({ status: 'error', error });
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || conflict) return;
    setNotice(null);
    const body = form.validate();
    if (!body) return save.reset();
    if (!dirty) {
      save.reset();
      setNotice('unchanged');
      return;
    }
    save.mutate(
      { body, etag: base.etag },
      {
        onSuccess: (saved) => {
          setBase(saved);
          form.reset(valuesOf(saved.profile));
          setNotice('saved');
        },
        onError: (error) => {
          if (isApiError(error, 412)) void loadConflict();
          else form.showServerErrors(error);
        },
      },
    );
  };

  /** Leaves the conflict on `next` values built on `current`, and says so where the focus lands. */
  const settle = (current: VersionedProfile, next: ReturnType<typeof valuesOf>, done: Notice) => {
    form.reset(next);
    setBase(current);
    setConflict(null);
    save.reset();
    setNotice(done);
    requestAnimationFrame(() => topNoticeRef.current?.focus());
  };

  const onReapply = () => {
    if (conflict?.status !== 'ready') return;
    const current = conflict.current;
    settle(current, reapply(form.values, baseValues, valuesOf(current.profile)), 'reapplied');
  };
  const onDiscard = () => {
    if (conflict?.status !== 'ready') return;
    settle(conflict.current, valuesOf(conflict.current.profile), 'discarded');
  };

  // A 412 is shown as the conflict, not as an error.
  const error = isApiError(save.error, 412) ? null : save.error;
  const alert = form.alertFor(error);
  const topNotice = notice === 'reapplied' || notice === 'discarded' ? notice : null;
  const bottomNotice =
    (notice === 'saved' && !dirty) || notice === 'unchanged' ? t(`myOrganization.${notice}`) : '';

  return (
    <Stack gap="lg">
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={form.values}
          base={baseValues}
          onRetry={() => void loadConflict()}
          onReapply={onReapply}
          onDiscard={onDiscard}
          ownSave={conflict.status === 'ready' && !!me && conflict.current.profile.updatedBy === me}
        />
      ) : null}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text
            ref={topNoticeRef}
            role="status"
            tabIndex={-1}
            fw={topNotice ? 600 : undefined}
            c="teal.9"
            style={{ outline: 'none' }}
          >
            {topNotice ? t(`myOrganization.conflict.${topNotice}`) : ''}
          </Text>
          {alert ? <ProblemAlert error={error} fieldErrors={alert} /> : null}
          <NamesFields form={form} />
          <ActivityFields form={form} />
          <ContactFields form={form} />
          <ContactPersonFields form={form} />
          <VisitorMessagesField form={form} />
          <SharingFields form={form} />
          <Group gap="md">
            <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
              {t('myOrganization.save')}
            </Button>
            <Text size="sm" c="teal.9" role="status">
              {bottomNotice}
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function NamesFields({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('myOrganization.sections.names')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={fieldLabel(t, 'nameBg')} required lang="bg" {...form.text('nameBg')} />
          <TextInput label={fieldLabel(t, 'nameEn')} required lang="en" {...form.text('nameEn')} />
        </SimpleGrid>
        <Textarea
          label={fieldLabel(t, 'descriptionBg')}
          lang="bg"
          rows={4}
          resize="vertical"
          {...form.text('descriptionBg')}
        />
        <Textarea
          label={fieldLabel(t, 'descriptionEn')}
          lang="en"
          rows={4}
          resize="vertical"
          {...form.text('descriptionEn')}
        />
      </Stack>
    </Fieldset>
  );
}

function ActivityFields({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const staff = toStaff(form.values.employees);
  const size =
    staff !== null && Number.isInteger(staff) && staff <= 1_000_000 ? sizeClassFromStaff(staff) : null;
  return (
    <Fieldset legend={t('myOrganization.sections.activity')}>
      <Stack gap="md">
        <AreasChecklist form={form} />
        <TagsInput
          label={fieldLabel(t, 'naceCodes')}
          description={t('myOrganization.hints.nace')}
          maxTags={10}
          splitChars={[',', ' ', ';']}
          clearable={false}
          value={form.values.naceCodes}
          onChange={(codes) => form.setValue('naceCodes', codes)}
          error={form.errorOf('naceCodes')}
        />
        <div>
          <TextInput
            label={fieldLabel(t, 'employees')}
            description={t('myOrganization.hints.employees')}
            inputMode="numeric"
            {...form.text('employees')}
          />
          <Text size="sm" mt={4} aria-live="polite">
            {size ? t('myOrganization.hints.sizeClass', { size: t(`size.${size}`) }) : ''}
          </Text>
        </div>
      </Stack>
    </Fieldset>
  );
}

/** The areas as a two-level list of checkboxes: each top-level area, then its sub-areas. */
function AreasChecklist({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const all = areas.data?.items ?? [];
  const byPosition = (a: Area, b: Area) => a.position - b.position;
  const top = all.filter((a) => a.parentId === null).sort(byPosition);
  const error = form.errorOf('areaIds');
  const box = (area: Area, ml?: string) => {
    const label = pickLocalized(area.nameBg, area.nameEn, language);
    return (
      <Checkbox
        key={area.id}
        value={area.id}
        ml={ml}
        label={<span lang={label.lang}>{label.text}</span>}
        aria-invalid={error ? true : undefined}
      />
    );
  };
  return (
    <>
      {areas.isError ? <QueryError error={areas.error} onRetry={() => void areas.refetch()} /> : null}
      <Checkbox.Group
        label={fieldLabel(t, 'areaIds')}
        description={`${t('myOrganization.hints.areas')} ${t('myOrganization.hints.areasSelected', {
          count: form.values.areaIds.length,
        })}`}
        required
        maxSelectedValues={10}
        value={form.values.areaIds}
        onChange={(ids) => form.setValue('areaIds', ids)}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {top.map((area) => (
            <Stack key={area.id} gap={6}>
              {box(area)}
              {all
                .filter((a) => a.parentId === area.id)
                .sort(byPosition)
                .map((child) => box(child, 'xl'))}
            </Stack>
          ))}
        </Stack>
      </Checkbox.Group>
    </>
  );
}

/** A contact field with, beside it, who sees it (public, members only, committee only). */
function WithVisibility({
  form,
  field,
  children,
}: {
  form: ProfileForm;
  field: ContactField;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const name = visibilityField(field);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>{children}</Box>
      <NativeSelect
        w={{ base: '100%', xs: 200 }}
        label={t('myOrganization.visibilityLabel')}
        aria-label={fieldLabel(t, name)}
        name={name}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`myOrganization.visibility.${v}`) }))}
        value={form.values[name]}
        onChange={(event) => form.setValue(name, event.currentTarget.value)}
        error={form.errorOf(name)}
      />
    </Group>
  );
}

function ContactFields({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('myOrganization.sections.contacts')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('myOrganization.sections.contactsIntro')}
        </Text>
        <TextInput label={fieldLabel(t, 'city')} autoComplete="address-level2" {...form.text('city')} />
        <WithVisibility form={form} field="address">
          <TextInput
            label={fieldLabel(t, 'address')}
            autoComplete="street-address"
            {...form.text('address')}
          />
        </WithVisibility>
        <WithVisibility form={form} field="website">
          <TextInput
            label={fieldLabel(t, 'website')}
            description={t('myOrganization.hints.website')}
            type="url"
            autoComplete="url"
            {...form.text('website')}
          />
        </WithVisibility>
        <WithVisibility form={form} field="publicEmail">
          <TextInput
            label={fieldLabel(t, 'publicEmail')}
            description={t('myOrganization.hints.publicEmail')}
            type="email"
            autoComplete="email"
            {...form.text('publicEmail')}
          />
        </WithVisibility>
        <WithVisibility form={form} field="publicPhone">
          <TextInput
            label={fieldLabel(t, 'publicPhone')}
            description={t('myOrganization.hints.publicPhone')}
            type="tel"
            autoComplete="tel"
            {...form.text('publicPhone')}
          />
        </WithVisibility>
      </Stack>
    </Fieldset>
  );
}

/** "Accept messages from visitors through the portal" (issue 17, decision 053): off until turned on. */
function VisitorMessagesField({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('myOrganization.sections.visitorMessages')}>
      <Switch
        name="acceptsContact"
        label={fieldLabel(t, 'acceptsContact')}
        description={t('myOrganization.hints.acceptsContact')}
        checked={form.values.acceptsContact === 'yes'}
        onChange={(event) => form.setValue('acceptsContact', event.currentTarget.checked ? 'yes' : '')}
      />
    </Fieldset>
  );
}

function ContactPersonFields({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  // Not the user's own details: autofill would offer them, so it is off.
  return (
    <Fieldset legend={t('myOrganization.sections.contactPerson')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('myOrganization.sections.contactPersonIntro')}
        </Text>
        <WithVisibility form={form} field="contactName">
          <TextInput label={fieldLabel(t, 'contactName')} autoComplete="off" {...form.text('contactName')} />
        </WithVisibility>
        <WithVisibility form={form} field="contactPosition">
          <TextInput
            label={fieldLabel(t, 'contactPosition')}
            autoComplete="off"
            {...form.text('contactPosition')}
          />
        </WithVisibility>
        <WithVisibility form={form} field="contactEmail">
          <TextInput
            label={fieldLabel(t, 'contactEmail')}
            type="email"
            autoComplete="off"
            {...form.text('contactEmail')}
          />
        </WithVisibility>
        <WithVisibility form={form} field="contactPhone">
          <TextInput
            label={fieldLabel(t, 'contactPhone')}
            description={t('myOrganization.hints.publicPhone')}
            type="tel"
            autoComplete="off"
            {...form.text('contactPhone')}
          />
        </WithVisibility>
      </Stack>
    </Fieldset>
  );
}

function SharingFields({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text c="dimmed">{t('myOrganization.sections.sharingIntro')}</Text>
      {SHARING_SIDES.map((side) => (
        <Fieldset key={side} legend={t(`myOrganization.sections.${side}`)}>
          <Stack gap="sm">
            {SHARING_KINDS.map((kind) => (
              <Textarea
                key={kind}
                label={t(`myOrganization.sharing.${kind}`)}
                rows={2}
                resize="vertical"
                {...form.text(`${side}.${kind}`)}
              />
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
