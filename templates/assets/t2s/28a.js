// Block 28a of the table in ../t2s.js.
export const T2S = "𨨏𬭛𨨛𫓼𨨢𫓿𨩰𫟾𨪕𫓮𨫒𨱐";
