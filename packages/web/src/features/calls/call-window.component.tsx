import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { useCustomer } from '../customer/use-customer.hook.ts';
import { formatDuration, qualitySummary } from './call-records.ts';
import type { SessionSnapshot } from './call-session.ts';
import { CallCustomer } from './call-customer.component.tsx';
import { CallQualityLine } from './call-quality-line.component.tsx';
import { useCalls } from './calls.context.tsx';
import { useNow } from './use-now.hook.ts';
import './calls.css';
import { PhoneIcon } from './call-icons.component.tsx';

function StreamView({ stream, kind, testId, label }: { stream: MediaStream; kind: 'video' | 'audio'; testId: string; label?: string }) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  // The picture plays muted (so autoplay is always allowed); the sound has its own element.
  return kind === 'video' ? <video ref={ref} autoPlay playsInline muted data-testid={testId} aria-label={label} /> : <audio ref={ref} autoPlay data-testid={testId} />;
}

const hasVideo = (s: MediaStream | null) => (s?.getVideoTracks().length ?? 0) > 0;

function endedText(s: SessionSnapshot): MessageKey | null {
  if (s.phase !== 'ended') return null;
  if (s.call?.status === 'missed') return 'calls.ended.missed';
  if (s.call?.status === 'declined') return 'calls.ended.declined';
  return s.endedBy === 'me' ? 'calls.ended.me' : 'calls.ended.other';
}

// The call this employee is in: the customer's video (or a voice indicator), their own preview,
// mute, camera and hang up, the time, and the customer's profile and mood beside it.
export function CallWindow() {
  const { t } = useI18n();
  const { session: s, hangUp, setMuted, setCameraOn, dismiss } = useCalls();
  const live = s !== null && !['ended', 'failed'].includes(s.phase);
  const now = useNow(live && s?.phase === 'active');
  const { customer } = useCustomer(s?.customerId ?? null);
  if (!s) return null;
  const name = customer?.name || customer?.email || t('calls.customer');
  const startedAt = s.connectedAt ?? (s.call?.answeredAt ? Date.parse(s.call.answeredAt) : null);
  const elapsed = startedAt === null ? null : s.phase === 'active' ? (now - startedAt) / 1000 : (s.call?.durationSeconds ?? null);
  const summary = s.call && Object.keys(s.call.quality).length ? qualitySummary(s.call.quality) : s.quality ? qualitySummary({ employee: s.quality }) : null;
  const ended = endedText(s);
  const problem: MessageKey | null = s.phase === 'failed' && s.problem ? `calls.problem.${s.problem}` : null;

  return (
    <section className={`call-window${live ? '' : ' over'}`} data-testid="call-window" data-call-state={s.phase} data-call-media={s.media} data-call-id={s.call?.id} role="dialog" aria-label={t('calls.window', { name })}>
      <div className="call-main">
        <header className="call-head">
          <h2>{t('calls.window', { name })}</h2>
          <p className="call-state" role="status">
            {t(`calls.state.${s.phase}`)}
            {elapsed !== null && (
              <>
                {' · '}
                <time data-testid="call-elapsed" aria-label={t('calls.elapsed')}>
                  {formatDuration(elapsed)}
                </time>
              </>
            )}
          </p>
        </header>
        {/* Once it has ended only the outcome is left: the window shrinks so the conversation shows again. */}
        {live && (
          <div className="call-stage">
            {s.remote && hasVideo(s.remote) ? (
              <StreamView stream={s.remote} kind="video" testId="call-remote-video" label={name} />
            ) : (
              <div className="call-voice" data-testid="call-audio-indicator">
                <span className="call-voice-mark" aria-hidden="true">
                  <PhoneIcon />
                </span>
                <span>{s.remote || s.media === 'audio' ? t('calls.audioOnly') : t('calls.waitingVideo')}</span>
              </div>
            )}
            {s.remote && <StreamView stream={s.remote} kind="audio" testId="call-remote-audio" />}
            {s.local && hasVideo(s.local) && (
              <div className={`call-self${s.cameraOn ? '' : ' off'}`}>
                <StreamView stream={s.local} kind="video" testId="call-local-video" label={t('calls.you')} />
              </div>
            )}
          </div>
        )}
        {s.fellBack && live && (
          <p className="call-message" data-testid="call-message" role="status">
            {t('calls.fellBack')}
          </p>
        )}
        {problem && (
          <p className="call-message form-error" data-testid="call-message" role="alert">
            {t(problem, { detail: s.problemDetail ?? '' })}
          </p>
        )}
        {ended && (
          <p className="call-message" data-testid="call-message" role="status">
            {t(ended)}
          </p>
        )}
        {!live && summary && <CallQualityLine summary={summary} duration={s.call?.durationSeconds ?? null} />}
        <div className="call-controls">
          {live ? (
            <>
              <button type="button" className="button" data-testid="call-mute" aria-pressed={s.muted} onClick={() => setMuted(!s.muted)}>
                {s.muted ? t('calls.unmute') : t('calls.mute')}
              </button>
              {s.media === 'video' && (
                <button type="button" className="button" data-testid="call-camera" aria-pressed={!s.cameraOn} onClick={() => setCameraOn(!s.cameraOn)}>
                  {s.cameraOn ? t('calls.cameraOff') : t('calls.cameraOn')}
                </button>
              )}
              <button type="button" className="button hang-up" data-testid="call-hangup" onClick={() => void hangUp()}>
                {t('calls.hangUp')}
              </button>
            </>
          ) : (
            <button type="button" className="button" data-testid="call-close" onClick={dismiss}>
              {t('calls.close')}
            </button>
          )}
        </div>
      </div>
      <CallCustomer customerId={s.customerId} />
    </section>
  );
}
