'use client';


import { formatInZone, timeZoneLabel } from '@/lib/dates/site-time';
import { useSiteTimeZone } from './site-clock.client';

/** `13:45 北京时间（UTC+08:00）`: the time of day in the site's zone, named. */
export const clockTime = (date: Date, timeZone: string) => `${formatInZone(date, timeZone, { seconds: false }).slice(11)} ${timeZoneLabel(timeZone, date)}`;

export type SaveIndicator = 'saved' | 'dirty' | 'saving' | 'autosaved' | 'offline';

const LABELS: Record<SaveIndicator, string> = {
  saved: '已保存',
  dirty: '有未保存的修改',
  saving: '保存中…',
  autosaved: '已自动保存',
  offline: '离线，稍后重试',
};

interface SaveStateProps {
  indicator: SaveIndicator;
  autosavedAt: Date | null;
  message?: string;
}

/** Beside the save button: where the editor's work stands, and what the last save said. */
export function SaveState({ indicator, autosavedAt, message }: SaveStateProps) {
  const timeZone = useSiteTimeZone();
  const at = indicator === 'autosaved' && autosavedAt ? ` ${clockTime(autosavedAt, timeZone)}` : '';
  return (
    <div className="save-state" role="status" aria-live="polite" data-state={indicator}>
      <strong>
        {LABELS[indicator]}
        {at}
      </strong>
      {message ? <span> {message}</span> : null}
    </div>
  );
}

interface AutosaveOfferProps {
  savedAt: string;
  baseVersion: number;
  version: number;
  onRestore: () => void;
  onDiscard: () => void;
}

/** Shown on opening a post that has this user's unsaved changes on the server. */
export function AutosaveOffer({ savedAt, baseVersion, version, onRestore, onDiscard }: AutosaveOfferProps) {
  const timeZone = useSiteTimeZone();
  return (
    <div className="autosave-offer" role="alert">
      <span>你有 {clockTime(new Date(savedAt), timeZone)} 未保存的修改：</span>
      <button type="button" onClick={onRestore}>
        恢复
      </button>
      <button type="button" onClick={onDiscard}>
        丢弃
      </button>
      {baseVersion < version ? <small>（基于版本 {baseVersion}，之后已有版本 {version}：恢复后保存时会显示两者的差异）</small> : null}
    </div>
  );
}
