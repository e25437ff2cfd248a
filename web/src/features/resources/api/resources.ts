import {
  BookingListResponseSchema,
  type BookingRequestBody,
  BookingSchema,
  type BookingStatus,
  CalendarFeedResetSchema,
  CalendarFeedSchema,
  CalendarResponseSchema,
  type ResourceCreateBody,
  ResourceListResponseSchema,
  type ResourceUpdateBody,
  SharedResourceSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';

/** Shared resources, their calendars, bookings and calendar feeds (issue 14 §3). */
export const resourceKeys = {
  all: ['resources'] as const,
  list: (organizationId?: string) => [...resourceKeys.all, 'list', organizationId ?? null] as const,
  detail: (id: string) => [...resourceKeys.all, 'detail', id] as const,
  calendar: (id: string, from: string, to: string) =>
    [...resourceKeys.all, 'calendar', id, from, to] as const,
  bookings: (organizationId: string, from: string, to: string, status?: string) =>
    [...resourceKeys.all, 'bookings', organizationId, from, to, status ?? null] as const,
  feed: (scope: FeedScope) => [...resourceKeys.all, 'feed', scope.kind, scope.id] as const,
};

/** Every member's list (one's own withdrawn resources too, when `organizationId` is one's own). */
export function getResourcesQueryOptions(organizationId?: string) {
  return queryOptions({
    queryKey: resourceKeys.list(organizationId),
    queryFn: ({ signal }) =>
      apiGet('/api/resources', ResourceListResponseSchema, {
        params: organizationId ? { organizationId, includeInactive: 'true' } : {},
        signal,
      }),
  });
}
export const useResources = (organizationId?: string) => useQuery(getResourcesQueryOptions(organizationId));

export function getResourceQueryOptions(id: string) {
  return queryOptions({
    queryKey: resourceKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/resources/${encodeURIComponent(id)}`, SharedResourceSchema, { signal }),
  });
}
export const useResource = (id: string) => useQuery(getResourceQueryOptions(id));

export function getCalendarQueryOptions(id: string, from: string, to: string) {
  return queryOptions({
    queryKey: resourceKeys.calendar(id, from, to),
    queryFn: ({ signal }) =>
      apiGet(`/api/resources/${encodeURIComponent(id)}/calendar`, CalendarResponseSchema, {
        params: { from, to },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
export const useCalendar = (id: string, from: string, to: string) =>
  useQuery(getCalendarQueryOptions(id, from, to));

export function getOrganizationBookingsQueryOptions(
  organizationId: string,
  from: string,
  to: string,
  status?: BookingStatus,
) {
  return queryOptions({
    queryKey: resourceKeys.bookings(organizationId, from, to, status),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/account/organizations/${encodeURIComponent(organizationId)}/bookings`,
        BookingListResponseSchema,
        { params: { from, to, status }, signal },
      ),
    placeholderData: keepPreviousData,
  });
}
export const useOrganizationBookings = (
  organizationId: string,
  from: string,
  to: string,
  status?: BookingStatus,
) => useQuery(getOrganizationBookingsQueryOptions(organizationId, from, to, status));

function useInvalidateResources() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: resourceKeys.all });
}

export function useRequestBooking(resourceId: string) {
  const invalidate = useInvalidateResources();
  return useMutation({
    mutationFn: (body: BookingRequestBody) =>
      apiSend('POST', `/api/resources/${encodeURIComponent(resourceId)}/bookings`, body, BookingSchema),
    onSuccess: () => invalidate(),
  });
}

export type BookingMove = 'confirm' | 'decline' | 'cancel';
export function useMoveBooking() {
  const invalidate = useInvalidateResources();
  return useMutation({
    mutationFn: ({ id, move, reason }: { id: string; move: BookingMove; reason?: string }) =>
      apiSend(
        'POST',
        `/api/bookings/${encodeURIComponent(id)}/${move}`,
        move === 'confirm' ? undefined : reason ? { reason } : {},
        BookingSchema,
      ),
    onSuccess: () => invalidate(),
  });
}

export function useCreateResource() {
  const invalidate = useInvalidateResources();
  return useMutation({
    mutationFn: (body: ResourceCreateBody) => apiSend('POST', '/api/resources', body, SharedResourceSchema),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateResource(id: string) {
  const invalidate = useInvalidateResources();
  return useMutation({
    mutationFn: (body: ResourceUpdateBody) =>
      apiSend('PUT', `/api/resources/${encodeURIComponent(id)}`, body, SharedResourceSchema),
    onSuccess: () => invalidate(),
  });
}

// ---------- calendar feeds ----------

export type FeedScope = { kind: 'organization' | 'resource'; id: string };
const feedPath = (scope: FeedScope) =>
  scope.kind === 'organization'
    ? `/api/account/organizations/${encodeURIComponent(scope.id)}/calendar-feed`
    : `/api/resources/${encodeURIComponent(scope.id)}/calendar-feed`;

export function getFeedQueryOptions(scope: FeedScope) {
  return queryOptions({
    queryKey: resourceKeys.feed(scope),
    queryFn: ({ signal }) => apiGet(feedPath(scope), CalendarFeedSchema, { signal }),
  });
}
export const useFeed = (scope: FeedScope) => useQuery(getFeedQueryOptions(scope));

/** Makes a new feed URL (the old one stops working); the answer holds the URL, shown once. */
export function useResetFeed(scope: FeedScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', feedPath(scope), undefined, CalendarFeedResetSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.feed(scope) }),
  });
}
