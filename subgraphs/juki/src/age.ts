export { todayInTokyo, ageOn } from '@welfare-hub/codec';
