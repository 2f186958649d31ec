'use client';

import type { EditorView } from '@codemirror/view';
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { previewAction, savePostAction } from '@/app/(admin)/admin/posts/actions';
import type { EditorState } from '@/app/(admin)/admin/posts/editor-state';
import { discardAutosaveAction } from '@/lib/autosave/actions';
import { autosavedFieldsOf, type AutosavedFields } from '@/lib/validations/autosave';
import { fieldErrors, postFormSchema, type PostFormInput } from '@/lib/validations/post-form';
import { CodeEditor } from './code-editor.client';
import { ConflictPanel } from './conflict-panel';
import { Field } from './field';
import { imageDropExtension, ImageUploadButton, useImageInsert } from './image-insert.client';
import { PostMetaFields } from './post-meta-fields';
import { AutosaveOffer, SaveState, type SaveIndicator } from './save-state.client';
import { isNavigationSignal, useAutosave } from './use-autosave';
import { useLeaveGuard } from './use-leave-guard';

interface PostEditorProps {
  postId?: number;
  version: number;
  initial: PostFormInput;
  tagSuggestions: string[];
  categorySuggestions: string[];
  /** This user's unsaved changes kept on the server, offered for restoring. */
  autosave?: { fields: AutosavedFields; baseVersion: number; savedAt: string };
  /** The post was just created from the new-post editor: its autosave is done with. */
  created?: boolean;
}

const OFFLINE_MESSAGE = '保存没有送达（网络或服务器暂时不可用）。你的修改仍在编辑器中，稍后自动重试。';

export function PostEditor({ postId, version: initialVersion, initial, tagSuggestions, categorySuggestions, autosave, created }: PostEditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const retries = useRef({ failures: 0, timer: 0 });
  const [saveOffline, setSaveOffline] = useState(false);
  const [state, formAction, pending] = useActionState<EditorState, FormData>(async (previous, formData) => {
    window.clearTimeout(retries.current.timer);
    try {
      const next = await savePostAction(previous, formData);
      retries.current.failures = 0;
      setSaveOffline(false);
      return next;
    } catch (error) {
      if (isNavigationSignal(error)) throw error;
      const failures = ++retries.current.failures;
      setSaveOffline(true);
      retries.current.timer = window.setTimeout(() => formRef.current?.requestSubmit(), Math.min(30_000, 1000 * 2 ** failures));
      return { ...previous, status: 'error', message: OFFLINE_MESSAGE };
    }
  }, { status: 'idle' });
  const [clientErrors, setClientErrors] = useState<EditorState['errors']>();
  const [values, setValues] = useState(initial);
  const [formKey, setFormKey] = useState(0);
  const [offer, setOffer] = useState(autosave);
  const [restoredBase, setRestoredBase] = useState<number>();
  // Versions only grow: the newest of what the server last confirmed and what a conflict offered.
  const [overrideVersion, setOverrideVersion] = useState(0);
  const version = Math.max(overrideVersion, state.version ?? restoredBase ?? initialVersion);
  const [dirty, setDirty] = useState(false);
  const [changes, setChanges] = useState(0);
  const [submittedChanges, setSubmittedChanges] = useState(0);
  const [seenState, setSeenState] = useState(state);
  const settled = state.status === 'saved' || state.status === 'unchanged';
  if (seenState !== state) {
    setSeenState(state);
    // Edits typed while the save was on its way are still unsaved.
    if (settled) setDirty(changes !== submittedChanges);
  }
  const [format, setFormat] = useState(initial.format);
  const [body, setBody] = useState(initial.body);
  const [preview, setPreview] = useState<{ html?: string; error?: string }>({});
  const errors = clientErrors ?? state.errors;
  const edited = () => {
    setDirty(true);
    setChanges((n) => n + 1);
  };

  useLeaveGuard(dirty, formRef);
  const viewRef = useRef<EditorView | null>(null);
  const images = useImageInsert(viewRef);
  const { insert: insertImages } = images;
  const dropImages = useMemo(() => imageDropExtension((files, at) => void insertImages(files, at)), [insertImages]);
  const auto = useAutosave({
    postId: postId ?? null,
    version,
    dirty,
    changes,
    read: () => autosavedFieldsOf(Object.fromEntries(new FormData(formRef.current ?? undefined))),
  });

  useEffect(() => {
    if (state.status === 'saved' || state.status === 'unchanged') void discardAutosaveAction(postId ?? null).catch(() => {});
    if (state.status === 'conflict') document.getElementById('conflict-title')?.scrollIntoView({ block: 'start' });
  }, [state, postId]);

  useEffect(() => {
    if (created) void discardAutosaveAction(null).catch(() => {});
  }, [created]);

  useEffect(() => {
    const save = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', save);
    return () => window.removeEventListener('keydown', save);
  }, []);

  useEffect(() => {
    const title = String(new FormData(formRef.current ?? undefined).get('title') ?? '');
    const timer = setTimeout(() => {
      void previewAction(format, body, title).then(setPreview, () => {});
    }, 500);
    return () => clearTimeout(timer);
  }, [format, body]);

  function restore() {
    if (!offer) return;
    setValues({ ...values, ...offer.fields, format: offer.fields.format as PostFormInput['format'], status: offer.fields.status as PostFormInput['status'] });
    setFormat(offer.fields.format as PostFormInput['format']);
    setBody(offer.fields.body);
    setRestoredBase(offer.baseVersion);
    setFormKey((k) => k + 1);
    setOffer(undefined);
    edited();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    // Dispatched by hand: a form action would reset the uncontrolled fields after every attempt, even a refused one.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = postFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      setClientErrors(found);
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setClientErrors(undefined);
    setSubmittedChanges(changes);
    startTransition(() => formAction(formData));
  }

  const indicator: SaveIndicator =
    pending || auto.autosaving ? 'saving' : saveOffline || auto.offline ? 'offline' : !dirty ? 'saved' : auto.autosavedAt ? 'autosaved' : 'dirty';
  const message = pending || (dirty && settled) ? undefined : saveOffline ? OFFLINE_MESSAGE : (auto.error ?? state.message);

  return (
    <form key={formKey} ref={formRef} onSubmit={submit} onChange={edited} className="editor" noValidate>
      {postId ? <input type="hidden" name="postId" value={postId} /> : null}
      <input type="hidden" name="version" value={version} />
      {offer ? (
        <AutosaveOffer
          {...offer}
          version={initialVersion}
          onRestore={restore}
          onDiscard={() => {
            setOffer(undefined);
            void discardAutosaveAction(postId ?? null).catch(() => {});
          }}
        />
      ) : null}
      <div className="editor-grid">
        <PostMetaFields initial={values} errors={errors} tagSuggestions={tagSuggestions} categorySuggestions={categorySuggestions} />
        <div className="editor-body">
          <Field name="format" label="正文格式" errors={errors?.format}>
            {(p) => (
              <select {...p} name="format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
                <option value="markdown">Markdown</option>
                <option value="mdx">MDX</option>
                <option value="html">HTML</option>
              </select>
            )}
          </Field>
          <Field name="body" label="正文" errors={errors?.body} hint="Ctrl/⌘+S 保存。">
            {(p) => (
              <CodeEditor
                id={p.id}
                name="body"
                label="正文"
                value={body}
                language={format}
                describedBy={p['aria-describedby']}
                invalid={p['aria-invalid']}
                onChange={(value) => {
                  setBody(value);
                  edited();
                }}
                extra={dropImages}
                onCreateEditor={(view) => {
                  viewRef.current = view;
                }}
              />
            )}
          </Field>
          <ImageUploadButton onFiles={(files) => void images.insert(files)} status={images.status} />
          <section className="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">预览</h2>
            {preview.error ? (
              <p className="field-error" role="alert">
                {preview.error}
              </p>
            ) : (
              <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html ?? '' }} />
            )}
          </section>
        </div>
      </div>
      {state.status === 'conflict' && state.conflict ? (
        <ConflictPanel conflict={state.conflict} onOverwrite={() => setOverrideVersion(state.conflict!.version)} />
      ) : null}
      <div className="editor-actions">
        <Field name="message" label="修改说明（可选）" errors={errors?.message}>
          {(p) => <input {...p} name="message" defaultValue="" />}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? '正在保存…' : '保存'}
        </button>
        <SaveState indicator={indicator} autosavedAt={auto.autosavedAt} message={message} />
      </div>
    </form>
  );
}
