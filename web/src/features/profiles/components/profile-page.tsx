import { Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useEditableProfile } from '../api/profile.ts';
import { LogoSection } from './logo-section.tsx';
import { ProfileEditor } from './profile-editor.tsx';

/** /my/organizations/:id — the logo and the profile editor (the layout has loaded the profile). */
export function ProfilePage() {
  const { id = '' } = useParams();
  const language = useLanguage();
  const profile = useEditableProfile(id);
  // A logo change takes a new profile version (ETag). An editor nobody has typed into yet is reopened on
  // it, so its next save does not run into a conflict with the logo; one with edits keeps them (a save
  // then shows the conflict view, where "re-apply" carries them over).
  const touched = useRef(false);
  const [editorRound, setEditorRound] = useState(0);
  if (!profile.data) return null;
  const { profile: p } = profile.data;
  const touch = () => {
    touched.current = true;
  };
  return (
    <Stack gap="lg">
      <LogoSection
        id={id}
        name={pickLocalized(p.nameBg, p.nameEn, language).text}
        logoUrl={p.logoUrl ?? null}
        onChanged={() => {
          if (!touched.current) setEditorRound((n) => n + 1);
        }}
      />
      <div onInputCapture={touch} onChangeCapture={touch}>
        <ProfileEditor key={`${id}:${editorRound}`} id={id} initial={profile.data} />
      </div>
    </Stack>
  );
}
