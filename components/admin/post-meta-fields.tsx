import type { EditorState } from '@/lib/posts/editor-state';
import type { PostFormInput } from '@/lib/validations/post-form';
import { Field } from './field';

const OFFSETS = ['-08:00', '-05:00', '+00:00', '+01:00', '+05:30', '+08:00', '+09:00'];

interface PostMetaFieldsProps {
  initial: PostFormInput;
  errors: EditorState['errors'];
  tagSuggestions: string[];
  categorySuggestions: string[];
}

/** The editor's front-matter fields (uncontrolled: the form's data is read when it is saved or autosaved). */
export function PostMetaFields({ initial, errors, tagSuggestions, categorySuggestions }: PostMetaFieldsProps) {
  const error = (name: keyof PostFormInput) => errors?.[name];
  return (
    <fieldset className="editor-meta">
      <legend>文章信息</legend>
      <Field name="title" label="标题" errors={error('title')}>
        {(p) => <input {...p} name="title" defaultValue={initial.title} required />}
      </Field>
      <Field name="slug" label="网址别名" errors={error('slug')} hint="留空则由标题生成；修改后旧网址会 301 跳转到新网址。">
        {(p) => <input {...p} name="slug" defaultValue={initial.slug} />}
      </Field>
      <div className="field-row">
        <Field name="date" label="发布时间" errors={error('date')}>
          {(p) => <input {...p} name="date" type="datetime-local" step={1} defaultValue={initial.date} />}
        </Field>
        <Field name="utcOffset" label="时区" errors={error('utcOffset')}>
          {(p) => (
            <select {...p} name="utcOffset" defaultValue={initial.utcOffset}>
              {[...new Set([...OFFSETS, initial.utcOffset])].map((o) => (
                <option key={o} value={o}>
                  UTC{o}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="status" label="状态" errors={error('status')} hint="定时：到发布时间自动上线。">
        {(p) => (
          <select {...p} name="status" defaultValue={initial.status}>
            <option value="draft">草稿</option>
            <option value="published">已发布</option>
            <option value="scheduled">定时发布</option>
          </select>
        )}
      </Field>
      <Field name="description" label="摘要" errors={error('description')}>
        {(p) => <textarea {...p} name="description" rows={3} defaultValue={initial.description} />}
      </Field>
      <Field name="keywords" label="关键词" errors={error('keywords')}>
        {(p) => <input {...p} name="keywords" defaultValue={initial.keywords} />}
      </Field>
      <Field name="tags" label="标签" errors={error('tags')} hint="用逗号分隔；输入新名称即新建标签。">
        {(p) => <input {...p} name="tags" list="tag-suggestions" defaultValue={initial.tags} />}
      </Field>
      <datalist id="tag-suggestions">
        {tagSuggestions.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Field name="categories" label="分类" errors={error('categories')} hint="用逗号分隔。">
        {(p) => <input {...p} name="categories" list="category-suggestions" defaultValue={initial.categories} />}
      </Field>
      <datalist id="category-suggestions">
        {categorySuggestions.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Field name="coverImage" label="封面图片网址" errors={error('coverImage')}>
        {(p) => <input {...p} name="coverImage" type="url" defaultValue={initial.coverImage} />}
      </Field>
      <Field name="coverAlt" label="封面替代文字" errors={error('coverAlt')}>
        {(p) => <input {...p} name="coverAlt" defaultValue={initial.coverAlt} />}
      </Field>
      <Field name="featuredImage" label="特色图片网址" hint="文件头字段 featuredImage" errors={error('featuredImage')}>
        {(p) => <input {...p} name="featuredImage" type="url" defaultValue={initial.featuredImage} />}
      </Field>
      <Field name="featuredImagePreview" label="特色图片缩略图网址" hint="文件头字段 featuredImagePreview" errors={error('featuredImagePreview')}>
        {(p) => <input {...p} name="featuredImagePreview" type="url" defaultValue={initial.featuredImagePreview} />}
      </Field>
      <Field name="sourceUrl" label="原文链接" errors={error('sourceUrl')}>
        {(p) => <input {...p} name="sourceUrl" type="url" defaultValue={initial.sourceUrl} />}
      </Field>
      <Field name="extra" label="其他字段（YAML）" errors={error('extra')} hint="导入时未建模的字段，原样保存，导出时写回。">
        {(p) => <textarea {...p} name="extra" rows={6} className="code" spellCheck={false} defaultValue={initial.extra} />}
      </Field>
    </fieldset>
  );
}
