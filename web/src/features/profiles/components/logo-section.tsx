import { Button, Group, Input, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { LOGO_TYPES, MAX_LOGO_BYTES } from '@portal/shared';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { useRemoveLogo, useUploadLogo } from '../api/logo.ts';

const MAX_MB = MAX_LOGO_BYTES / 1024 / 1024;
/** How big the current logo is shown (the large rendition is at most 512 px: sharp on any screen). */
const PREVIEW_PX = 128;

/**
 * Why a chosen file is not sent (checked here first, by its declared type or name and size; the server
 * checks the content again and decides by its bytes).
 */
export function logoRefusal(file: File, t: TFunction): string | undefined {
  const image =
    (LOGO_TYPES as readonly string[]).includes(file.type) ||
    (file.type === '' && /\.(png|jpe?g|webp)$/i.test(file.name));
  if (!image) return t('myOrganization.logo.notImage', { name: file.name });
  if (file.size > MAX_LOGO_BYTES) return t('myOrganization.logo.tooLarge', { name: file.name, max: MAX_MB });
  return undefined;
}

/**
 * The organisation's logo in the profile tab: the current one, a file field (uploads on choosing, after a
 * check of type and size), and removal after confirmation. `onChanged` runs once the profile is fresh.
 */
export function LogoSection({
  id,
  name,
  logoUrl,
  onChanged,
}: {
  id: string;
  name: string;
  logoUrl: string | null;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadLogo(id);
  const remove = useRemoveLogo(id);
  const [fileError, setFileError] = useState<string>();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const busy = upload.isPending || remove.isPending;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again fires a change too.
    input.value = '';
    if (!file || busy) return;
    upload.reset();
    remove.reset();
    const refused = logoRefusal(file, t);
    setFileError(refused);
    if (refused) {
      setStatus('');
      input.focus();
      return;
    }
    setStatus(t('myOrganization.logo.uploading', { name: file.name }));
    upload.mutate(file, {
      onSuccess: () => {
        setStatus(t('myOrganization.logo.uploaded'));
        onChanged?.();
      },
      onError: () => setStatus(''),
    });
  };

  const closeConfirm = () => {
    setConfirming(false);
    remove.reset();
  };
  const confirmRemove = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setStatus(t('myOrganization.logo.removed'));
        inputRef.current?.focus();
        onChanged?.();
      },
    });

  // The server's reason beside the field (e.g. "not a PNG, JPEG or WebP image"), else the whole problem.
  const serverFieldError =
    upload.error && isApiError(upload.error) ? upload.error.fieldErrors.map((e) => e.message).join(' ') : '';
  const describedBy = [`${inputId}-description`, fileError || serverFieldError ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${inputId}-title`}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${inputId}-title`}>
          {t('myOrganization.logo.title')}
        </Title>
        <Group gap="md" align="center" wrap="wrap">
          {logoUrl ? (
            <img
              src={logoUrl}
              alt={t('myOrganization.logo.current', { name })}
              width={PREVIEW_PX}
              height={PREVIEW_PX}
              style={{ objectFit: 'contain', maxWidth: '100%' }}
            />
          ) : (
            <Text c="dimmed">{t('myOrganization.logo.none')}</Text>
          )}
          {logoUrl ? (
            <Button variant="default" color="red" disabled={busy} onClick={() => setConfirming(true)}>
              {t('myOrganization.logo.remove')}
            </Button>
          ) : null}
        </Group>
        <Input.Wrapper
          id={inputId}
          label={logoUrl ? t('myOrganization.logo.fileReplace') : t('myOrganization.logo.file')}
          description={t('myOrganization.logo.hint', { max: MAX_MB })}
          error={fileError || serverFieldError || undefined}
        >
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={[...LOGO_TYPES, '.png', '.jpg', '.jpeg', '.webp'].join(',')}
            onChange={choose}
            disabled={busy}
            aria-invalid={fileError || serverFieldError ? true : undefined}
            aria-describedby={describedBy}
            style={{ display: 'block', marginTop: 'var(--mantine-spacing-xs)', maxWidth: '100%' }}
          />
        </Input.Wrapper>
        <Text size="sm" c="teal.9" role="status">
          {status}
        </Text>
        {upload.isError && !serverFieldError ? <ProblemAlert error={upload.error} /> : null}
      </Stack>
      <Modal
        opened={confirming}
        onClose={closeConfirm}
        title={t('myOrganization.logo.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('myOrganization.logo.close') }}
      >
        <Stack gap="md">
          <Text>{t('myOrganization.logo.confirmText')}</Text>
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={closeConfirm}>
              {t('myOrganization.logo.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={confirmRemove}>
              {t('myOrganization.logo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
