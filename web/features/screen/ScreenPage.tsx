// The big screen (数据大屏) at /screen/<token>: no header, no sign-in form. It asks the server for its
// link's settings (GET /api/screen/config with X-Screen-Token), then shows one 1920×1080 stage scaled to
// fit the window, whose scenes rotate on their own. A wrong or revoked link gets a clear page and no
// data; a server that does not answer leaves the last data on the wall with a “连接中断” badge.
import { useQueryClient } from '@tanstack/react-query';
import { Component, memo, useCallback, useEffect, useMemo, useState, type CSSProperties, type ErrorInfo, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isRevoked } from './connection.ts';
import { useStageFit } from './hooks.ts';
import { useScreenConfig } from './queries.ts';
import { Screen } from './Screen.tsx';
import { DEFAULT_REFRESH_SECONDS, parseNumber, screenOptions, URL_LIMITS } from './settings.ts';
import type { StageFit } from './stage.ts';
import { clsx } from 'clsx';
import * as css from './screen.module.css';
import './words.ts';

export default function ScreenPage() {
  const token = useParams().token ?? '';
  const [search] = useSearchParams();
  const { t } = useTranslation('screen');
  const queryClient = useQueryClient();
  const { fit, pixelRatio } = useStageFit();
  const [revokedWhileShowing, setRevokedWhileShowing] = useState(false);
  const refreshMs = (parseNumber(search.get('refresh'), URL_LIMITS.refresh) ?? DEFAULT_REFRESH_SECONDS) * 1000;
  const config = useScreenConfig(token, refreshMs, !revokedWhileShowing);
  const revoked = revokedWhileShowing || token === '' || (config.isError && isRevoked(config.error));
  const searchText = search.toString();
  const options = useMemo(
    () => (config.data ? screenOptions(config.data.settings, new URLSearchParams(searchText)) : null),
    [config.data, searchText],
  );

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('screen-mode');
    return () => root.classList.remove('screen-mode');
  }, []);
  useEffect(() => {
    document.title = revoked ? t('invalid.title') : config.data ? `${t('title')} · ${config.data.label}` : t('title');
  }, [revoked, config.data, t]);
  // Once the link is revoked, nothing it fetched stays in memory.
  useEffect(() => {
    if (revoked) queryClient.removeQueries({ queryKey: ['screen', token], predicate: (q) => q.queryKey[2] !== 'config' });
  }, [revoked, queryClient, token]);
  const onRevoked = useCallback(() => setRevokedWhileShowing(true), []);

  return (
    <Stage fit={fit}>
      <ScreenErrorBoundary>
        {revoked ? <InvalidLink />
          : config.data && options ? <Screen token={token} label={config.data.label} options={options} pixelRatio={pixelRatio} onRevoked={onRevoked} />
          : <Connecting failing={config.isError} />}
      </ScreenErrorBoundary>
    </Stage>
  );
}

/** The 1920×1080 stage, scaled and centred in the window with a CSS transform (never `zoom`). */
function Stage({ fit, children }: { fit: StageFit; children: ReactNode }) {
  const style = { transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scale})` } as CSSProperties;
  return (
    <div className={css.scrViewport}>
      <div className={css.scrStage} style={style} data-stage data-scale={fit.scale}>
        {children}
      </div>
    </div>
  );
}

function InvalidLink() {
  const { t } = useTranslation('screen');
  return (
    <main className={css.scrMessage} data-screen-invalid>
      <div className={css.scrMessageIcon} aria-hidden="true">✖</div>
      <h1 className={css.scrMessageTitle}>{t('invalid.title')}</h1>
      <p className={css.scrMessageText}>{t('invalid.text')}</p>
    </main>
  );
}

const Connecting = memo(function Connecting({ failing }: { failing: boolean }) {
  const { t } = useTranslation('screen');
  return (
    <main className={css.scrMessage} data-screen-connecting aria-busy="true">
      <div className={css.scrMessageSpinner} aria-hidden="true" />
      <h1 className={css.scrMessageTitle}>{t('connecting')}</h1>
      {failing && <p className={css.scrMessageText}><span className={clsx(css.scrBadge, css.scrBadgeOffline)} data-offline-badge>{t('offline')}</span> {t('retrying')}</p>}
    </main>
  );
});

/** A bug must not leave a black wall: say so and reload a minute later. */
class ScreenErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  private timer = 0;
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('screen crashed', error, info.componentStack);
    this.timer = window.setTimeout(() => window.location.reload(), 60_000);
  }
  override componentWillUnmount() {
    window.clearTimeout(this.timer);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className={css.scrMessage} data-screen-crashed>
        <h1 className={css.scrMessageTitle}>数据大屏出错, 一分钟后自动重新加载</h1>
        <p className={css.scrMessageText}>{this.state.error.message}</p>
      </main>
    );
  }
}
