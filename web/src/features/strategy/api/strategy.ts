import {
  BodyListResponseSchema,
  etagOf,
  type GoalInput,
  type IndicatorInput,
  type IndicatorValueInput,
  type ObjectiveInput,
  type StrategyResponse,
  StrategyResponseSchema,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';

export const strategyKeys = {
  all: ['strategy'] as const,
  public: () => [...strategyKeys.all, 'public'] as const,
  bodies: () => [...strategyKeys.all, 'bodies'] as const,
};

/** The strategy with every indicator's current value (public; computed ones are live, so never cached long). */
export const getStrategyQueryOptions = () =>
  queryOptions({
    queryKey: strategyKeys.public(),
    queryFn: ({ signal }) => apiGet('/api/public/strategy', StrategyResponseSchema, { signal }),
  });

export function useStrategy() {
  return useQuery(getStrategyQueryOptions());
}

/** The cluster's bodies, to name an objective's owner (the public list). */
export function useOwnerBodies() {
  return useQuery({
    queryKey: strategyKeys.bodies(),
    queryFn: ({ signal }) => apiGet('/api/bodies', BodyListResponseSchema, { signal }),
  });
}

const base = '/api/committee/strategy';
const ifMatch = (version: number) => ({ headers: { 'If-Match': etagOf(version) } });

/** A change to the strategy: the answer is the whole strategy as it now stands. */
type Change =
  | { kind: 'createGoal'; body: GoalInput }
  | { kind: 'updateGoal'; id: string; version: number; body: GoalInput }
  | { kind: 'deleteGoal'; id: string; version: number }
  | { kind: 'createObjective'; goalId: string; body: ObjectiveInput }
  | { kind: 'updateObjective'; id: string; version: number; body: ObjectiveInput }
  | { kind: 'deleteObjective'; id: string; version: number }
  | { kind: 'createIndicator'; objectiveId: string; body: IndicatorInput }
  | { kind: 'updateIndicator'; id: string; version: number; body: IndicatorInput }
  | { kind: 'deleteIndicator'; id: string; version: number }
  | { kind: 'enterValue'; id: string; body: IndicatorValueInput };

export async function changeStrategy(change: Change): Promise<StrategyResponse | null> {
  const S = StrategyResponseSchema;
  switch (change.kind) {
    case 'createGoal':
      return apiSend('POST', `${base}/goals`, change.body, S);
    case 'updateGoal':
      return apiSend('PUT', `${base}/goals/${change.id}`, change.body, S, ifMatch(change.version));
    case 'deleteGoal':
      await apiSend('DELETE', `${base}/goals/${change.id}`, undefined, undefined, ifMatch(change.version));
      return null;
    case 'createObjective':
      return apiSend('POST', `${base}/goals/${change.goalId}/objectives`, change.body, S);
    case 'updateObjective':
      return apiSend('PUT', `${base}/objectives/${change.id}`, change.body, S, ifMatch(change.version));
    case 'deleteObjective':
      await apiSend(
        'DELETE',
        `${base}/objectives/${change.id}`,
        undefined,
        undefined,
        ifMatch(change.version),
      );
      return null;
    case 'createIndicator':
      return apiSend('POST', `${base}/objectives/${change.objectiveId}/indicators`, change.body, S);
    case 'updateIndicator':
      return apiSend('PUT', `${base}/indicators/${change.id}`, change.body, S, ifMatch(change.version));
    case 'deleteIndicator':
      await apiSend(
        'DELETE',
        `${base}/indicators/${change.id}`,
        undefined,
        undefined,
        ifMatch(change.version),
      );
      return null;
    case 'enterValue':
      return apiSend('POST', `${base}/indicators/${change.id}/values`, change.body, S);
  }
}

/** Changes the strategy and puts the answer into the cache (a delete refetches). */
export function useChangeStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeStrategy,
    onSuccess: (strategy) => {
      if (strategy) queryClient.setQueryData(strategyKeys.public(), strategy);
      else void queryClient.invalidateQueries({ queryKey: strategyKeys.public() });
    },
  });
}
