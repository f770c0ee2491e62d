import { Button, Space } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput } from '../FieldInput';
import { loadDetector } from './detector';

export interface CodeScannerProps {
  /** Called with the text of a code read by the camera or typed by hand (trimmed, never empty). */
  onCode: (text: string) => void;
  /** Placeholder of the typed-code box (defaults to "or type the code"). */
  placeholder?: string;
  /** Prefix of the data-testid attributes (`<prefix>-camera`, `<prefix>-input`, `<prefix>-submit`). */
  testId?: string;
  /** While true, codes read by the camera are ignored (for example while the last one is being sent). */
  paused?: boolean;
}

type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable';

/** A code read again within this many milliseconds is the same card still in front of the camera. */
const REPEAT_MS = 2500;
/** Frames are looked at this often: enough for a held card, and cheap on an old phone. */
const SCAN_EVERY_MS = 200;

/**
 * The phone camera as a code reader (QR codes on passes and self-registration slips, and common
 * barcodes), with a typed-code box always beside it: the camera may be refused, missing or too dark, and
 * a short code can always be typed. Decoding uses the ZXing WebAssembly reader served by our own server,
 * so it works without a network.
 */
export function CodeScanner({ onCode, placeholder, testId = 'scanner', paused = false }: CodeScannerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [camera, setCamera] = useState<CameraState>('off');
  const [typed, setTyped] = useState('');

  const stop = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setCamera((c) => (c === 'on' || c === 'starting' ? 'off' : c));
  }, []);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('unavailable');
      return;
    }
    setCamera('starting');
    try {
      const [stream] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        loadDetector(),
      ]);
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined);
      }
      setCamera('on');
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      setCamera(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
    }
  }, []);

  // the reading loop, while the camera is on
  useEffect(() => {
    if (camera !== 'on') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const video = videoRef.current;
      if (cancelled || !video) return;
      if (!pausedRef.current && video.readyState >= 2) {
        try {
          const detector = await loadDetector();
          const codes = await detector.detect(video);
          const text = codes[0]?.rawValue?.trim();
          const now = Date.now();
          if (!cancelled && text && !(last.current?.text === text && now - last.current.at < REPEAT_MS)) {
            last.current = { text, at: now };
            navigator.vibrate?.(60);
            onCodeRef.current(text);
          }
        } catch {
          // a frame that cannot be read is skipped
        }
      }
      if (!cancelled) timer = setTimeout(tick, SCAN_EVERY_MS);
    };
    void tick();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [camera]);

  // the camera is released when the screen goes away
  useEffect(() => stop, [stop]);

  const submitTyped = () => {
    const text = typed.trim();
    if (!text) return;
    setTyped('');
    onCodeRef.current(text);
  };

  const showVideo = camera === 'on' || camera === 'starting';
  return (
    <div data-testid={testId} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div
        style={{
          display: showVideo ? 'block' : 'none',
          position: 'relative',
          background: '#000',
          borderRadius: 8,
          overflow: 'hidden',
          aspectRatio: '4 / 3',
        }}
      >
        <video
          ref={videoRef}
          muted
          playsInline
          style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        />
        <div
          aria-hidden
          style={{
            position: 'absolute',
            inset: '15%',
            border: '3px solid rgba(255,255,255,0.8)',
            borderRadius: 8,
          }}
        />
      </div>
      {camera === 'denied' && <div style={{ color: 'var(--adm-color-danger)' }}>{t('scan.denied')}</div>}
      {camera === 'unavailable' && (
        <div style={{ color: 'var(--adm-color-weak)' }}>{t('scan.unavailable')}</div>
      )}
      <Button
        block
        size="large"
        color={showVideo ? 'default' : 'primary'}
        loading={camera === 'starting'}
        onClick={() => (showVideo ? stop() : void start())}
        data-testid={`${testId}-camera`}
      >
        {showVideo ? t('scan.closeCamera') : t('scan.openCamera')}
      </Button>
      <Space block style={{ '--gap': '8px' }} align="center">
        <div
          style={{
            flex: 1,
            border: '1px solid var(--adm-color-border)',
            borderRadius: 6,
            padding: '8px 10px',
          }}
        >
          <FieldInput
            testId={`${testId}-input`}
            value={typed}
            onChange={setTyped}
            onEnterPress={submitTyped}
            placeholder={placeholder ?? t('scan.typePlaceholder')}
            clearable
            autoComplete="off"
            enterKeyHint="go"
          />
        </div>
        <Button
          color="primary"
          size="large"
          onClick={submitTyped}
          disabled={!typed.trim()}
          data-testid={`${testId}-submit`}
        >
          {t('scan.submit')}
        </Button>
      </Space>
    </div>
  );
}
