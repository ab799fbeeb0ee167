import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { connectionOf, isConnectionError, isRevoked, RECONNECT_MS, refetchEvery, reloadDecision, shouldRetry } from './connection.ts';

const revoked = new ApiError('大屏链接无效或已被撤销', 401, 'screen_revoked');
const network = new ApiError('无法连接服务器', 0, 'network_error');
const server = new ApiError('bad gateway', 502, 'http_error');
const notFound = new ApiError('未找到目标', 404, 'not_found');

describe('the screen’s connection', () => {
  it('is online while every query succeeded or is still loading', () => {
    expect(connectionOf([{ status: 'success', error: null }, { status: 'pending', error: null }])).toBe('online');
    expect(connectionOf([])).toBe('online');
  });

  it('is offline when the latest request of any query failed on the network or the server', () => {
    expect(connectionOf([{ status: 'success', error: null }, { status: 'error', error: network }])).toBe('offline');
    expect(connectionOf([{ status: 'error', error: server }])).toBe('offline');
    expect(connectionOf([{ status: 'error', error: new TypeError('Failed to fetch') }])).toBe('offline');
  });

  it('is revoked on a 401 from any request, whatever else failed', () => {
    expect(connectionOf([{ status: 'error', error: network }, { status: 'error', error: revoked }])).toBe('revoked');
    expect(isRevoked(new ApiError('x', 401, 'unauthenticated'))).toBe(true);
  });

  it('does not call a missing target a lost connection', () => {
    expect(isConnectionError(notFound)).toBe(false);
    expect(connectionOf([{ status: 'error', error: notFound }])).toBe('online');
  });
});

describe('asking again', () => {
  it('asks every refresh, and every 10 s (or sooner) while failing', () => {
    expect(refetchEvery(120_000, false)).toBe(120_000);
    expect(refetchEvery(120_000, true)).toBe(RECONNECT_MS);
    expect(refetchEvery(3000, true)).toBe(3000);
  });

  it('retries a network failure once at once, never a revoked link or a 404', () => {
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(1, network)).toBe(false);
    expect(shouldRetry(0, revoked)).toBe(false);
    expect(shouldRetry(0, notFound)).toBe(false);
  });
});

describe('the quiet reload', () => {
  it('reloads only when the page is shown and the server answers', () => {
    expect(reloadDecision({ hidden: false, connection: 'online' })).toBe('reload');
    expect(reloadDecision({ hidden: true, connection: 'online' })).toBe('later');
    expect(reloadDecision({ hidden: false, connection: 'offline' })).toBe('later');
    expect(reloadDecision({ hidden: false, connection: 'revoked' })).toBe('later');
  });
});
