export { appRole, APP_ROLE } from './rls.ts';
export { users, type UserRow } from './user.table.ts';
export { deviceSessions, type DeviceSessionRow } from './device-session.table.ts';
export { refreshTokens, type RefreshTokenRow } from './refresh-token.table.ts';
export { auditLog } from './audit-log.table.ts';
