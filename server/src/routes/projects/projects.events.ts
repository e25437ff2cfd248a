import { eq, organizations, projectJoins, projects } from '@portal/db';
import { EMAILED_PAGES } from '@portal/shared';
import { enqueueEmail } from '../../email/outbox.ts';
import type { EventHandlers } from '../../events/events.ts';
import { findRepresentativeRecipients } from '../memberships/memberships.repository.ts';

/**
 * Emails about joining a joint project (decision 052), in each recipient's language: an invitation goes to
 * the invited organisation's representatives, a request to the lead's; an answer goes to the other side
 * (an answered invitation to the lead, an answered request to the asking organisation).
 */
export const projectHandlers: EventHandlers<'project.join'> = {
  async 'project.join'(tx, { joinId, step }, { publicUrl }) {
    const [join] = await tx
      .select({
        projectId: projectJoins.projectId,
        organizationId: projectJoins.organizationId,
        kind: projectJoins.kind,
        message: projectJoins.message,
      })
      .from(projectJoins)
      .where(eq(projectJoins.id, joinId));
    if (!join) return; // the project was deleted since
    const [project] = await tx
      .select({ titleBg: projects.titleBg, titleEn: projects.titleEn, leadId: projects.leadOrganizationId })
      .from(projects)
      .where(eq(projects.id, join.projectId));
    if (!project) return;
    const names = async (id: string) =>
      (
        await tx
          .select({ bg: organizations.nameBg, en: organizations.nameEn })
          .from(organizations)
          .where(eq(organizations.id, id))
      )[0] ?? { bg: '', en: '' };
    const [org, lead] = await Promise.all([names(join.organizationId), names(project.leadId)]);
    const invitation = join.kind === 'invitation';
    // Who hears: the side that did not act.
    const toLead = step === 'created' ? !invitation : invitation;
    const recipientOrg = toLead ? project.leadId : join.organizationId;
    const template =
      step === 'created'
        ? invitation
          ? 'project_invitation'
          : 'project_join_requested'
        : invitation
          ? step === 'accepted'
            ? 'project_invitation_accepted'
            : 'project_invitation_declined'
          : step === 'accepted'
            ? 'project_join_accepted'
            : 'project_join_declined';
    // The invited organisation cannot open the project before it accepts: its link is the projects' page.
    const page =
      step === 'created' && invitation
        ? EMAILED_PAGES.projects.href()
        : step === 'declined' && !invitation
          ? EMAILED_PAGES.projects.href()
          : EMAILED_PAGES.project.href(join.projectId);
    for (const u of await findRepresentativeRecipients(tx, recipientOrg)) {
      const en = u.language === 'en';
      await enqueueEmail(tx, {
        to: u.email,
        language: u.language,
        template,
        values: {
          name: u.display_name,
          title: en ? project.titleEn || project.titleBg : project.titleBg || project.titleEn,
          organization: en ? org.en || org.bg : org.bg || org.en,
          lead: en ? lead.en || lead.bg : lead.bg || lead.en,
          message: join.message,
          link: `${publicUrl}${page}`,
        },
      });
    }
  },
};
