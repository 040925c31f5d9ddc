/** Words the demo forum's companies are made of: plausible Korean and Vietnamese ICT firms. */
export const SECTORS = ['SOFTWARE', 'AI', 'SEMICONDUCTORS', 'SMART_CITY', 'FINTECH', 'E_GOVERNMENT', 'TELECOM'] as const;

export const OFFERS: Record<(typeof SECTORS)[number], string[]> = {
  SOFTWARE: ['offshore software development', 'mobile app development', 'ERP integration', 'QA and testing services'],
  AI: ['computer vision models', 'Korean–Vietnamese machine translation', 'AI chatbots for customer service', 'data labelling services'],
  SEMICONDUCTORS: ['chip packaging and testing', 'PCB assembly', 'semiconductor equipment maintenance', 'IoT sensor modules'],
  SMART_CITY: ['traffic management systems', 'smart parking platforms', 'city IoT platforms', 'digital twin for urban planning'],
  FINTECH: ['mobile payment gateways', 'eKYC identity verification', 'core banking modernisation', 'QR payment terminals'],
  E_GOVERNMENT: ['digital public services portals', 'e-procurement platforms', 'document digitisation', 'citizen identity systems'],
  TELECOM: ['5G network equipment', 'fibre network rollout', 'network operations centre services', 'satellite connectivity'],
};

export const SEEKS: Record<(typeof SECTORS)[number], string[]> = {
  SOFTWARE: ['offshore software development', 'QA and testing services', 'AI chatbots for customer service', 'cloud hosting partners'],
  AI: ['data labelling services', 'computer vision models', 'GPU cloud capacity', 'distribution partners in Vietnam'],
  SEMICONDUCTORS: ['chip packaging and testing', 'PCB assembly', 'engineering talent', 'industrial park locations'],
  SMART_CITY: ['city IoT platforms', 'IoT sensor modules', 'traffic management systems', 'local government partners'],
  FINTECH: ['eKYC identity verification', 'mobile payment gateways', 'banking licences partners', 'QR payment terminals'],
  E_GOVERNMENT: ['document digitisation', 'citizen identity systems', 'digital public services portals', 'cloud hosting partners'],
  TELECOM: ['fibre network rollout', '5G network equipment', 'network operations centre services', 'tower infrastructure partners'],
};

export const KR_NAMES = ['Hanbit', 'Daesung', 'Mirae', 'Saebyeok', 'Haneul', 'Jinro', 'Sejong', 'Baekdu', 'Gwanghwa', 'Noeul', 'Dasom', 'Areum', 'Bitsol', 'Yeonhwa', 'Chorok', 'Hwarang', 'Jeongdo', 'Nuri', 'Seoul Digital', 'Busan Tech'];
export const VN_NAMES = ['VinaTech', 'Saigon Soft', 'Hanoi Digital', 'Da Nang Cloud', 'Mekong Data', 'Lotus', 'Phoenix', 'Sao Viet', 'Song Han', 'Hai Van', 'Rong Vang', 'Truong Son', 'Hoan Kiem', 'Ben Thanh', 'Ha Long', 'Cuu Long', 'Tay Nguyen', 'Phu Quoc', 'Hue Heritage', 'Can Tho'];
export const SUFFIXES: Record<(typeof SECTORS)[number], string> = {
  SOFTWARE: 'Software',
  AI: 'AI',
  SEMICONDUCTORS: 'Semiconductor',
  SMART_CITY: 'Smart City',
  FINTECH: 'Fintech',
  E_GOVERNMENT: 'GovTech',
  TELECOM: 'Telecom',
};
export const KR_PEOPLE = ['Kim Min-jun', 'Lee Seo-yeon', 'Park Ji-hoon', 'Choi Yu-na', 'Jung Hyun-woo', 'Kang Da-eun', 'Cho Sung-min', 'Yoon Ha-eun', 'Jang Tae-yang', 'Lim Soo-ah'];
export const VN_PEOPLE = ['Nguyen Van An', 'Tran Thi Binh', 'Le Hoang Cuong', 'Pham Thu Dung', 'Hoang Minh Duc', 'Vu Thi Hoa', 'Dang Quoc Huy', 'Bui Thanh Lan', 'Do Van Long', 'Ngo Thi Mai'];
export const TITLES = ['CEO', 'CTO', 'Head of Business Development', 'Sales Director', 'Partnership Manager'];
