/** Names, addresses and the places customers live in (with their sales tax). */

import { pad } from './calendar'
import type { Random } from './random'

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Ethan', 'Harper',
  'Aiden', 'Evelyn', 'Daniel', 'Abigail', 'Henry', 'Emily', 'Jackson', 'Ella', 'Sebastian', 'Grace', 'Jack', 'Chloe', 'Owen', 'Zoe', 'Samuel',
  'Nora', 'Leo', 'Lily', 'Wyatt', 'Hannah', 'Julian', 'Layla', 'David', 'Aria', 'Gabriel', 'Riley', 'Carter', 'Maya', 'Isaac', 'Priya',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Aarav', 'Ananya', 'Diego', 'Lucia', 'Sofia', 'Omar', 'Fatima', 'Kwame', 'Amara', 'Chidi', 'Ngozi',
  'Min-jun', 'Seo-yeon', 'Thanh', 'Linh', 'Mohammed', 'Leila', 'Rafael', 'Camila', 'Ivan', 'Anya', 'Sean', 'Siobhan', 'Erik', 'Astrid',
  'Lars', 'Ingrid', 'Marco', 'Giulia', 'Pierre', 'Camille', 'Tomás', 'Inés', 'Kofi', 'Abena', 'Ravi', 'Sunita', 'Jonah', 'Ruth', 'Caleb',
  'Naomi', 'Theo', 'Clara', 'Felix', 'Hazel', 'Miles', 'Iris', 'Rosa', 'Elliot', 'Violet', 'Dominic', 'Jade', 'Xavier', 'Tessa', 'Malik',
]
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Kim',
  'Park', 'Choi', 'Patel', 'Shah', 'Singh', 'Kumar', 'Tanaka', 'Sato', 'Suzuki', 'Okafor', 'Mensah', 'Adeyemi', 'Haddad', 'Khan',
  'Novak', 'Kowalski', 'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Moreau', "O'Brien", 'Murphy', 'Kelly', 'Larsen', 'Johansson',
  'Andersen', 'Silva', 'Santos', 'Costa', 'Fischer', 'Weber', 'Byrne', 'Walsh', 'Cohen', 'Levi', 'Friedman', 'Petrov', 'Ivanova', 'Tran',
]

export interface Place {
  city: string
  province: string
  provinceName: string
  country: string
  zip: () => string
  /** Sales tax charged on the discounted subtotal. */
  tax: number
  taxName: string
  weight: number
}

export function usZip(prefix: string, random: Random): () => string {
  return () => `${prefix}${pad(random.int(1, 99))}`
}

export function buildPlaces(random: Random): Place[] {
  const us: [string, string, string, string, number, number][] = [
    ['New York', 'NY', 'New York', '100', 0.04, 9], ['Brooklyn', 'NY', 'New York', '112', 0.04, 7], ['Los Angeles', 'CA', 'California', '900', 0.0725, 8],
    ['San Francisco', 'CA', 'California', '941', 0.0725, 5], ['San Diego', 'CA', 'California', '921', 0.0725, 4], ['Chicago', 'IL', 'Illinois', '606', 0.0625, 6],
    ['Houston', 'TX', 'Texas', '770', 0.0625, 4], ['Austin', 'TX', 'Texas', '787', 0.0625, 4], ['Dallas', 'TX', 'Texas', '752', 0.0625, 3],
    ['Phoenix', 'AZ', 'Arizona', '850', 0.056, 3], ['Philadelphia', 'PA', 'Pennsylvania', '191', 0.06, 4], ['Pittsburgh', 'PA', 'Pennsylvania', '152', 0.06, 2],
    ['Seattle', 'WA', 'Washington', '981', 0.065, 5], ['Portland', 'OR', 'Oregon', '972', 0, 5], ['Denver', 'CO', 'Colorado', '802', 0.029, 4],
    ['Boston', 'MA', 'Massachusetts', '021', 0.0625, 5], ['Cambridge', 'MA', 'Massachusetts', '021', 0.0625, 2], ['Atlanta', 'GA', 'Georgia', '303', 0.04, 3],
    ['Miami', 'FL', 'Florida', '331', 0.06, 3], ['Orlando', 'FL', 'Florida', '328', 0.06, 2], ['Minneapolis', 'MN', 'Minnesota', '554', 0.06875, 3],
    ['Detroit', 'MI', 'Michigan', '482', 0.06, 2], ['Columbus', 'OH', 'Ohio', '432', 0.0575, 2], ['Charlotte', 'NC', 'North Carolina', '282', 0.0475, 2],
    ['Asheville', 'NC', 'North Carolina', '288', 0.0475, 2], ['Nashville', 'TN', 'Tennessee', '372', 0.07, 2], ['Richmond', 'VA', 'Virginia', '232', 0.053, 2],
    ['Baltimore', 'MD', 'Maryland', '212', 0.06, 2], ['Salt Lake City', 'UT', 'Utah', '841', 0.061, 2], ['Madison', 'WI', 'Wisconsin', '537', 0.05, 2],
    ['Burlington', 'VT', 'Vermont', '054', 0.06, 1], ['Santa Fe', 'NM', 'New Mexico', '875', 0.05125, 1], ['Newark', 'NJ', 'New Jersey', '071', 0.06625, 2],
    ['Kansas City', 'MO', 'Missouri', '641', 0.04225, 2], ['New Orleans', 'LA', 'Louisiana', '701', 0.0445, 2],
  ]
  const usWeight = 82 / us.reduce((sum, row) => sum + row[5], 0)
  const places: Place[] = us.map(([city, province, provinceName, prefix, tax, weight]) => ({
    city, province, provinceName, country: 'US', zip: usZip(prefix, random), tax, taxName: `${province} State Tax ${Number((tax * 100).toFixed(3))}%`, weight: weight * usWeight,
  }))
  const caZip = (letter: string) => () => `${letter}${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${random.int(1, 9)}`
  const abroad: Place[] = [
    { city: 'Toronto', province: 'ON', provinceName: 'Ontario', country: 'CA', zip: caZip('M'), tax: 0.05, taxName: 'GST 5%', weight: 3.5 },
    { city: 'Vancouver', province: 'BC', provinceName: 'British Columbia', country: 'CA', zip: caZip('V'), tax: 0.05, taxName: 'GST 5%', weight: 2.5 },
    { city: 'Montreal', province: 'QC', provinceName: 'Quebec', country: 'CA', zip: caZip('H'), tax: 0.05, taxName: 'GST 5%', weight: 1.5 },
    { city: 'London', province: 'ENG', provinceName: 'England', country: 'GB', zip: () => `N${random.int(1, 22)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 3 },
    { city: 'Edinburgh', province: 'SCT', provinceName: 'Scotland', country: 'GB', zip: () => `EH${random.int(1, 17)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 1.5 },
    { city: 'Sydney', province: 'NSW', provinceName: 'New South Wales', country: 'AU', zip: () => `20${pad(random.int(0, 99))}`, tax: 0, taxName: '', weight: 2 },
    { city: 'Melbourne', province: 'VIC', provinceName: 'Victoria', country: 'AU', zip: () => `30${pad(random.int(0, 99))}`, tax: 0, taxName: '', weight: 1.5 },
    { city: 'Berlin', province: 'BE', provinceName: 'Berlin', country: 'DE', zip: () => `10${pad(random.int(115, 999), 3)}`, tax: 0, taxName: '', weight: 1 },
    { city: 'Amsterdam', province: 'NH', provinceName: 'North Holland', country: 'NL', zip: () => `10${pad(random.int(11, 99))} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 1 },
  ]
  return [...places, ...abroad]
}

export const STREETS = ['Maple Ave', 'Oak St', 'Pine St', 'Cedar Ln', 'Elm St', 'Washington Ave', 'Park Pl', 'Lake Shore Dr', 'Hillcrest Rd', 'Mill St', 'Church St', 'River Rd', 'Highland Ave', 'Sunset Blvd', 'Prospect St', 'Garden Ct', 'Willow Way', 'Bay St', 'King St', 'Queen St']

export function asciiLocal(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '')
}
