import { Button, FileButton, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { MAX_RESOURCE_PHOTOS, resourcePhotoUrl } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { usePhotos, useRemovePhoto, useReorderPhotos, useUploadPhoto } from '../api/photos.ts';

/** A resource's photos for members (nothing while there are none). */
export function ResourcePhotos({ resourceId, name }: { resourceId: string; name: string }) {
  const { t } = useTranslation();
  const photos = usePhotos(resourceId);
  const items = photos.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" aria-label={t('resources.photos')}>
      {items.map((p, i) => (
        <Image
          key={p.id}
          src={resourcePhotoUrl(resourceId, p.id, 'large')}
          alt={t('resources.photoAlt', { n: i + 1, name })}
          radius="sm"
          fit="cover"
          h={200}
        />
      ))}
    </SimpleGrid>
  );
}

/** The owner's photo editor: add (up to the limit), order, remove with a confirmation. */
export function ResourcePhotosEditor({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const photos = usePhotos(resourceId);
  const upload = useUploadPhoto(resourceId);
  const remove = useRemovePhoto(resourceId);
  const reorder = useReorderPhotos(resourceId);
  const [removing, setRemoving] = useState<string | null>(null);
  const items = photos.data?.items ?? [];
  const move = (index: number, delta: -1 | 1) => {
    const ids = items.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    reorder.mutate(ids);
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('resources.photosSection.hint', { max: MAX_RESOURCE_PHOTOS })}
      </Text>
      {items.length === 0 ? <Text size="sm">{t('resources.photosSection.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" className="plain-list">
        {items.map((p, i) => (
          <li key={p.id}>
            <Stack gap={4}>
              <Image
                src={resourcePhotoUrl(resourceId, p.id, 'small')}
                alt=""
                h={120}
                fit="cover"
                radius="sm"
              />
              <Group gap={4}>
                <Button size="compact-xs" variant="default" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('resources.photosSection.moveUp')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('resources.photosSection.moveDown')}
                </Button>
                <Button size="compact-xs" color="red" variant="light" onClick={() => setRemoving(p.id)}>
                  {t('resources.photosSection.remove')}
                </Button>
              </Group>
            </Stack>
          </li>
        ))}
      </SimpleGrid>
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
      {reorder.error ? <ProblemAlert error={reorder.error} /> : null}
      {items.length < MAX_RESOURCE_PHOTOS ? (
        <FileButton accept="image/png,image/jpeg,image/webp" onChange={(file) => file && upload.mutate(file)}>
          {(props) => (
            <Button {...props} variant="light" loading={upload.isPending} w="fit-content">
              {t('resources.photosSection.add')}
            </Button>
          )}
        </FileButton>
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('resources.photosSection.removeTitle')}
        text={t('resources.photosSection.removeText')}
        confirmLabel={t('resources.photosSection.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Stack>
  );
}
