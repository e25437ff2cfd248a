-- The national Innovation Strategy for Smart Specialisation (ИСИС) 2021–2027 thematic areas, with
-- sub-areas, and the cluster's vertical priorities marked (ICT; creative and recreative industries).
-- Administrators may edit the taxonomy later; the slugs are stable identifiers used in URLs.
INSERT INTO areas (id, parent_id, name_bg, name_en, is_priority, position) VALUES
  ('ict', NULL, 'Информатика и ИКТ', 'Informatics and ICT', true, 1),
  ('mechatronics', NULL, 'Мехатроника и микроелектроника', 'Mechatronics and microelectronics', false, 2),
  ('healthy-life', NULL, 'Индустрия за здравословен живот, биоикономика и биотехнологии', 'Industry for healthy life, bioeconomy and biotechnologies', false, 3),
  ('creative', NULL, 'Нови технологии в креативните и рекреативните индустрии', 'New technologies in creative and recreative industries', true, 4),
  ('clean-tech', NULL, 'Чисти технологии, кръгова и нисковъглеродна икономика', 'Clean technologies, circular and low-carbon economy', false, 5);
--> statement-breakpoint
INSERT INTO areas (id, parent_id, name_bg, name_en, is_priority, position) VALUES
  ('ict-software', 'ict', 'Софтуерни продукти и услуги', 'Software products and services', false, 1),
  ('ict-ai-data', 'ict', 'Изкуствен интелект и анализ на данни', 'Artificial intelligence and data analytics', false, 2),
  ('ict-cybersecurity', 'ict', 'Киберсигурност', 'Cybersecurity', false, 3),
  ('ict-hpc-cloud', 'ict', 'Високопроизводителни изчисления и облачни услуги', 'High-performance computing and cloud services', false, 4),
  ('ict-iot', 'ict', 'Интернет на нещата и интелигентни системи', 'Internet of things and smart systems', false, 5),
  ('ict-egov', 'ict', 'Електронно управление и цифрови публични услуги', 'e-Government and digital public services', false, 6),
  ('mech-robotics', 'mechatronics', 'Роботика и автоматизация', 'Robotics and automation', false, 1),
  ('mech-microelectronics', 'mechatronics', 'Микроелектроника и вградени системи', 'Microelectronics and embedded systems', false, 2),
  ('health-biotech', 'healthy-life', 'Биотехнологии', 'Biotechnologies', false, 1),
  ('health-medtech', 'healthy-life', 'Медицински технологии и цифрово здраве', 'Medical technologies and digital health', false, 2),
  ('health-food', 'healthy-life', 'Здравословни храни и биоикономика', 'Healthy food and bioeconomy', false, 3),
  ('creative-media', 'creative', 'Дигитални медии, филми и анимация', 'Digital media, film and animation', false, 1),
  ('creative-games', 'creative', 'Видеоигри и интерактивни преживявания', 'Video games and interactive experiences', false, 2),
  ('creative-design', 'creative', 'Дизайн и архитектура', 'Design and architecture', false, 3),
  ('creative-heritage', 'creative', 'Дигитализация на културното наследство', 'Digitisation of cultural heritage', false, 4),
  ('creative-xr', 'creative', 'Виртуална и добавена реалност', 'Virtual and augmented reality', false, 5),
  ('creative-tourism-sport', 'creative', 'Рекреативни индустрии: туризъм, спорт и свободно време', 'Recreative industries: tourism, sport and leisure', false, 6),
  ('clean-energy', 'clean-tech', 'Енергийна ефективност и възобновяема енергия', 'Energy efficiency and renewable energy', false, 1),
  ('clean-circular', 'clean-tech', 'Кръгова икономика и управление на отпадъците', 'Circular economy and waste management', false, 2),
  ('clean-mobility', 'clean-tech', 'Чиста и интелигентна мобилност', 'Clean and smart mobility', false, 3);
--> statement-breakpoint
-- A neutral identity until an administrator (or the demo seed) fills in the cluster's own.
INSERT INTO cluster_settings (id, name_bg, name_en) VALUES (1, 'Клъстер', 'Cluster') ON CONFLICT (id) DO NOTHING;
