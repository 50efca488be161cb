import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { isLanguage } from '../../i18n/translate.ts';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id={id}
        data-testid="language-switch"
        value={lang}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLang(e.target.value);
        }}
      >
        <option value="es" lang="es">
          {t('lang.es')}
        </option>
        <option value="en" lang="en">
          {t('lang.en')}
        </option>
      </select>
    </span>
  );
}
