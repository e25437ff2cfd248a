import { useRef } from 'react';
import { createSearchParams, type SetURLSearchParams, useSearchParams } from 'react-router';

/**
 * react-router's `useSearchParams`, except that a functional update starts from the last URL this page asked
 * for. react-router hands a functional update the params of the render that made the handler, and renders a
 * navigation in a transition: a second change before that render (clear the filters, then pick an area at
 * once) would bring back what the first one removed. A newer URL from the router (the back button, a link)
 * takes over as soon as the page renders it. Every list page that keeps its filters in the URL uses this.
 */
export function useSearchParamsLatest(): [URLSearchParams, SetURLSearchParams] {
  const [searchParams, setRouterSearchParams] = useSearchParams();
  const shown = useRef(searchParams);
  const latest = useRef(searchParams);
  if (shown.current !== searchParams) {
    shown.current = searchParams;
    latest.current = searchParams;
  }
  const setSearchParams: SetURLSearchParams = (update, options) => {
    const next = createSearchParams(typeof update === 'function' ? update(latest.current) : update);
    latest.current = next;
    setRouterSearchParams(next, options);
  };
  return [searchParams, setSearchParams];
}
