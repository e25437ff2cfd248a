import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { PASSWORD_MAX, PASSWORD_MIN } from '@portal/shared';
import { useTranslation } from 'react-i18next';

/**
 * A password input with a keyboard-reachable show/hide toggle (a pressed/unpressed "Show password"
 * button). `rule` shows the 12–128 characters rule under a new password.
 */
export function PasswordField({ rule = false, ...props }: PasswordInputProps & { rule?: boolean }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...(rule
        ? { description: t('auth.fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX }) }
        : {})}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('auth.fields.showPassword') }}
      // Mantine marks only the wrapper of a password input invalid; assistive technology reads the input.
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
