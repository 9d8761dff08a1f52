export const JWT_SETTINGS = Symbol('JwtSettings');
