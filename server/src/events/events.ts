import { type Db, outboxEvents } from '@portal/db';
import type {
  AgreementStep,
  ApplicationAction,
  MembershipAction,
  MembershipCategory,
  MembershipStatus,
  VoteOutcome,
} from '@portal/shared';

/**
 * What happened that people hear about (decision 030). A service records the event with `recordEvent`
 * in the transaction of the change; the dispatcher (./dispatcher.ts) later turns it into emails. A payload
 * holds the facts of the change — ids, the action, the texts written with it — and never a recipient:
 * who hears, at which address and in which language is looked up when the event is dispatched.
 */
export type DomainEvent =
  | {
      /** Any transition of an application (submit, request changes, open the vote, withdraw, …). */
      type: 'application.transitioned';
      payload: { applicationId: string; action: ApplicationAction; comment: string | null };
    }
  | {
      /** A committee member wrote to the applicant in the application's thread. */
      type: 'application.message';
      payload: { applicationId: string; text: string };
    }
  | {
      /** A vote on an application closed: admitted, not admitted (with the decision's number), or no quorum. */
      type: 'application.decided';
      payload: { applicationId: string; outcome: VoteOutcome; number: string | null };
    }
  | {
      /** A membership changed (category, suspension, reinstatement, withdrawal, exclusion). */
      type: 'membership.changed';
      payload: {
        organizationId: string;
        action: MembershipAction;
        status: MembershipStatus;
        category: MembershipCategory;
        effectiveOn: string;
        decisionNumber: string | null;
      };
    }
  | {
      /** A board item's last day is near (housekeeping, 7 days before; decision 033). */
      type: 'board.item_expiring';
      payload: { itemId: string; validUntil: string };
    }
  | {
      /**
       * A message was written in a private conversation (issue 14 §2, decision 036). No text in the
       * payload: the digest reads the messages when it is sent.
       */
      type: 'conversation.message';
      payload: { conversationId: string };
    }
  | {
      /** A later digest of a conversation, due when its recipients' hour since the last email is over. */
      type: 'conversation.digest';
      payload: { conversationId: string };
    }
  | {
      /**
       * A step of "agreed" in a conversation (decision 036): proposed or withdrawn by one side (the other
       * side hears), confirmed or declined by the other side (the proposing side hears). No decline
       * reason in the payload: the email only says there is one, to be read in the portal.
       */
      type: 'conversation.agreement';
      payload: { conversationId: string; action: AgreementStep; byOrganizationId: string };
    }
  | {
      /** The committee approved (published) or returned a proposed member news (decision 040). */
      type: 'news.proposal_decided';
      payload: { postId: string; approved: boolean };
    }
  | {
      /** A registrant of an event got a seat from the waiting list (decision 042). */
      type: 'news.registration_promoted';
      payload: { registrationId: string };
    }
  | {
      /** An event's time or place changed: its registrants hear of it (seats with the updated .ics). */
      type: 'news.event_changed';
      payload: { postId: string; sequence: number };
    }
  | {
      /** Invitations to a meeting went out to these new seats (decision 041): each gets the .ics. */
      type: 'meeting.invited';
      payload: { meetingId: string; participantIds: string[] };
    }
  | {
      /** A meeting's time or place changed after the invitations: every seat gets the update (.ics). */
      type: 'meeting.changed';
      payload: { meetingId: string; sequence: number };
    }
  | {
      /** An invited meeting was cancelled: every seat gets the cancelled .ics. */
      type: 'meeting.cancelled';
      payload: { meetingId: string };
    }
  | {
      /** The day before an invited meeting (housekeeping): every seat is reminded. */
      type: 'meeting.reminder';
      payload: { meetingId: string };
    }
  | {
      /** A funding call's deadline is 30, 7 or 1 days away (housekeeping): an interested member's representatives hear. */
      type: 'call.deadline_reminder';
      payload: { callId: string; organizationId: string; daysBefore: number };
    }
  | {
      /**
       * A step of joining a joint project (decision 052): an invitation (the invited organisation's
       * representatives hear), a request (the lead's), or the answer to either (the other side).
       */
      type: 'project.join';
      payload: { joinId: string; step: 'created' | 'accepted' | 'declined' };
    };

export type EventType = DomainEvent['type'];
export type EventPayload<T extends EventType> = Extract<DomainEvent, { type: T }>['payload'];

/**
 * Records `event` with `tx`, the transaction of the change itself, so it exists if and only if the change
 * committed. Nothing is rendered or sent here.
 */
export async function recordEvent(tx: Db, event: DomainEvent): Promise<void> {
  await tx.insert(outboxEvents).values({ type: event.type, payload: event.payload });
}

/** What a handler gets besides the transaction: the configuration links are built from. */
export interface HandlerContext {
  publicUrl: string;
}

/**
 * Turns one event into its emails with `tx`, the transaction that marks the event dispatched. A handler
 * that throws leaves nothing behind (its savepoint is rolled back) and the event is tried again later.
 */
export type EventHandler<T extends EventType> = (
  tx: Db,
  payload: EventPayload<T>,
  context: HandlerContext,
) => Promise<void>;

export type EventHandlers<T extends EventType = EventType> = { [K in T]: EventHandler<K> };
