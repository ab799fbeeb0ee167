// The screen's few timers and listeners, each cleared on unmount: page visibility (every timer stops
// while the page is hidden), the stage's fit to the window, the one rotation timer, the presenter's
// keys, and the quiet reload on a long schedule.
import { useEffect, useRef, useState, useSyncExternalStore, type Dispatch } from 'react';
import { reloadDecision, type Connection } from './connection.ts';
import { keyAction, type RotationAction, type RotationState } from './rotation.ts';
import { chartPixelRatio, fitStage, type StageFit } from './stage.ts';

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** False while the tab is hidden or the window minimised. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => !document.hidden, () => true);
}

/** The stage's fit to the window and the charts' pixel ratio, updated (once a frame at most) on resize. */
const readWindow = () => ({ fit: fitStage(window.innerWidth, window.innerHeight), dpr: window.devicePixelRatio || 1 });

export function useStageFit(): { fit: StageFit; pixelRatio: number } {
  const [state, setState] = useState(readWindow);
  useEffect(() => {
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setState(readWindow()));
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
    };
  }, []);
  return { fit: state.fit, pixelRatio: chartPixelRatio(state.dpr, state.fit.scale) };
}

/** The one rotation timer: a full interval after every change of scene, none while paused or hidden. */
export function useRotationTimer(state: RotationState, dispatch: Dispatch<RotationAction>, intervalMs: number, visible: boolean): void {
  useEffect(() => {
    if (state.paused || !visible || state.count < 2) return;
    const from = state.index;
    const timer = window.setTimeout(() => dispatch({ type: 'tick', from }), intervalMs);
    return () => window.clearTimeout(timer);
  }, [state.index, state.paused, state.count, visible, intervalMs, dispatch]);
}

/** Arrow keys (and a clicker's PageUp/PageDown) step through the scenes; the space bar pauses. */
export function usePresenterKeys(dispatch: Dispatch<RotationAction>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const action = keyAction(event.key);
      if (!action) return;
      event.preventDefault();
      if (!event.repeat || action.type !== 'togglePause') dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}

const RETRY_RELOAD_MS = 60_000;

/**
 * A quiet full reload every `reloadMs` (the safety net against anything that grows in a browser over
 * days): only while the page is shown, the server answers and the page itself loads, else a minute later.
 */
export function useQuietReload(reloadMs: number, connection: Connection): void {
  const connectionRef = useRef(connection);
  useEffect(() => {
    connectionRef.current = connection;
  }, [connection]);
  useEffect(() => {
    if (!reloadMs) return;
    let cancelled = false;
    let timer = 0;
    const later = () => {
      if (!cancelled) timer = window.setTimeout(attempt, RETRY_RELOAD_MS);
    };
    function attempt() {
      if (reloadDecision({ hidden: document.hidden, connection: connectionRef.current }) === 'later') return later();
      fetch(window.location.href, { cache: 'no-store', credentials: 'omit' }).then(
        (res) => (res.ok && !cancelled ? window.location.reload() : later()),
        later,
      );
    }
    timer = window.setTimeout(attempt, reloadMs);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [reloadMs]);
}
