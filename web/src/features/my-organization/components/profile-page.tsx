import { useParams } from 'react-router';
import { useEditableProfile } from '../api/profile.ts';
import { ProfileEditor } from './profile-editor.tsx';

/** /my/organizations/:id — the profile editor (the layout has loaded the profile). */
export function ProfilePage() {
  const { id = '' } = useParams();
  const profile = useEditableProfile(id);
  if (!profile.data) return null;
  return <ProfileEditor key={id} id={id} initial={profile.data} />;
}
