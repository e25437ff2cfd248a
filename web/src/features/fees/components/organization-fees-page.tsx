import { useParams } from 'react-router';
import { OrganizationFees } from './organization-fees.tsx';

/** /my/organizations/:id/fees — the organisation's annual fees per year, with the payments recorded. */
export function FeesPage() {
  const { id = '' } = useParams();
  return <OrganizationFees id={id} />;
}
