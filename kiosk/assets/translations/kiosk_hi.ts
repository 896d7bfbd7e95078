<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>ArchiveReason</name>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="41"/>
        <source>{name} holds {found} files inside; a workbook has a few dozen (the limit is {allowed}).</source>
        <extracomment>A workbook has a few dozen members; a thousand is already absurd. All members together, unpacked. Excel&apos;s largest sheet (1,048,576 rows of a reference, a name and a phone) unpacks to about 250 MB. Unpacked over packed size, for members past :data:`RATIO_GRACE` (Apache POI&apos;s rule: real sheets pack 5 to 30 times, a bomb about a thousand times). The first bytes of archives (zip, gzip, 7-Zip, RAR, bzip2, xz).</extracomment>
        <translation>{name} के अंदर {found} फ़ाइलें हैं; एक वर्कबुक में कुछ दर्जन होती हैं (सीमा {allowed} है)।</translation>
    </message>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="49"/>
        <source>{name} would unpack to {found} MB, more than the {allowed} MB a customer file may take.</source>
        <translation>{name} खुलकर {found} MB हो जाएगी, जो ग्राहक फ़ाइल की सीमा {allowed} MB से ज़्यादा है।</translation>
    </message>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="57"/>
        <source>Inside {name}, {member} would unpack to {found} times its packed size (the limit is {allowed} times): that is how a &apos;zip bomb&apos; fills the memory.</source>
        <translation>{name} के अंदर {member} खुलकर अपने आकार का {found} गुना हो जाएगा (सीमा {allowed} गुना है): &apos;ज़िप बम&apos; इसी तरह मेमोरी भर देता है।</translation>
    </message>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="65"/>
        <source>{name} is a damaged or crafted archive: {member} overlaps another part (the limit: no part may be counted twice).</source>
        <translation>{name} खराब या जानबूझकर बनाई गई फ़ाइल है: {member} किसी दूसरे हिस्से पर चढ़ा हुआ है (सीमा: कोई हिस्सा दो बार नहीं गिना जा सकता)।</translation>
    </message>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="73"/>
        <source>{name} has another archive packed inside ({member}); a customer list needs none (the limit: no archive inside).</source>
        <translation>{name} के अंदर एक और पैक फ़ाइल है ({member}); ग्राहक सूची को इसकी ज़रूरत नहीं (सीमा: अंदर कोई पैक फ़ाइल नहीं)।</translation>
    </message>
    <message>
        <location filename="../../store/importing/archive_limits.py" line="81"/>
        <source>{problem} It was not opened. Open it in Excel or LibreOffice, save the sheet as CSV, and import that.</source>
        <translation>{problem} इसे खोला नहीं गया। इसे Excel या LibreOffice में खोलें, शीट को CSV के रूप में सहेजें और उसे आयात करें।</translation>
    </message>
</context>
<context>
    <name>BusyNote</name>
    <message>
        <location filename="../../ui/widgets/busy_note.py" line="34"/>
        <source>Please wait…</source>
        <translation>कृपया प्रतीक्षा करें…</translation>
    </message>
</context>
<context>
    <name>CodeScreen</name>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="131"/>
        <source>Verify with a code by SMS</source>
        <translation>SMS कोड से पुष्टि करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="132"/>
        <source>6-digit code</source>
        <translation>6 अंकों का कोड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="133"/>
        <source>Check</source>
        <translation>जाँचें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="134"/>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="135"/>
        <source>Back to the call</source>
        <translation>कॉल पर वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="136"/>
        <source>Send a new code</source>
        <translation>नया कोड भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="148"/>
        <source>Sending a code to the phone ending {digits}…</source>
        <translation>{digits} पर ख़त्म होने वाले फ़ोन पर कोड भेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="151"/>
        <source>The code was not sent. {reason}</source>
        <translation>कोड नहीं भेजा गया। {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="154"/>
        <source>Code sent to the phone ending {digits}. Type the code the customer reads out.</source>
        <translation>{digits} पर ख़त्म होने वाले फ़ोन पर कोड भेजा गया। ग्राहक जो कोड पढ़कर सुनाए, उसे यहाँ डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="161"/>
        <source>Demo: the simulated phone got the code {code}.</source>
        <translation>डेमो: नकली फ़ोन पर कोड {code} आया।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="157"/>
        <source>Valid until {time}.</source>
        <translation>{time} तक मान्य।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="182"/>
        <source>Wrong code. Tries left: {count}.</source>
        <translation>गलत कोड। बची हुई कोशिशें: {count}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="184"/>
        <source>The code has expired. Send a new one, or ask the customer to call.</source>
        <translation>कोड की समय-सीमा ख़त्म हो गई। नया कोड भेजें, या ग्राहक से कॉल करने को कहें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="186"/>
        <source>Too many wrong codes. Send a new one, or ask the customer to call.</source>
        <translation>बहुत बार गलत कोड डाला गया। नया कोड भेजें, या ग्राहक से कॉल करने को कहें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="188"/>
        <source>No code is waiting. Send a new one.</source>
        <translation>कोई कोड बाकी नहीं है। नया कोड भेजें।</translation>
    </message>
</context>
<context>
    <name>CoreReason</name>
    <message>
        <location filename="../../core/reasons.py" line="20"/>
        <source>No customer has the reference &apos;{reference}&apos;.</source>
        <translation>&apos;{reference}&apos; रेफ़रेंस वाला कोई ग्राहक नहीं है।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="25"/>
        <source>This verification has already finished.</source>
        <translation>यह सत्यापन पहले ही पूरा हो चुका है।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="29"/>
        <source>Codes cannot be sent by SMS right now: the modem is not ready.</source>
        <translation>अभी SMS से कोड नहीं भेजे जा सकते: मॉडेम तैयार नहीं है।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="35"/>
        <source>{count} codes were already sent. Ask the customer to call instead.</source>
        <translation>{count} कोड पहले ही भेजे जा चुके हैं। ग्राहक से कॉल करने को कहें।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="41"/>
        <source>The text message was not sent ({error}).</source>
        <translation>SMS नहीं भेजा गया ({error})।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="45"/>
        <source>the merchant backend</source>
        <translation>व्यापारी के बैकएंड</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="48"/>
        <source>The merchant backend refused the credentials. Check the customer sync settings.</source>
        <translation>व्यापारी के बैकएंड ने लॉगिन जानकारी नहीं मानी। ग्राहक सिंक की सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="55"/>
        <source>The merchant backend answered HTTP {status}. Check the customer sync settings.</source>
        <translation>व्यापारी के बैकएंड ने HTTP {status} जवाब दिया। ग्राहक सिंक की सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <location filename="../../core/reasons.py" line="62"/>
        <source>The merchant backend sent an answer without a list of customers.</source>
        <translation>व्यापारी के बैकएंड के जवाब में ग्राहकों की सूची नहीं है।</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="56"/>
        <source>Importing {name}…</source>
        <translation>{name} आयात हो रही है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="67"/>
        <source>Nothing was imported. {reason}</source>
        <translation>कुछ भी आयात नहीं हुआ। {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="80"/>
        <source>Import customers from a file…</source>
        <translation>फ़ाइल से ग्राहक आयात करें…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="83"/>
        <source>Customers added: {added}, updated: {updated}.</source>
        <translation>जोड़े गए ग्राहक: {added}, अपडेट किए गए: {updated}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="88"/>
        <source>Rows not imported: {rejected}; the reasons are in {report}.</source>
        <translation>आयात न हुई पंक्तियाँ: {rejected}; कारण {report} में हैं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="96"/>
        <source>Customer file</source>
        <translation>ग्राहक फ़ाइल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="97"/>
        <source>Customer lists (*.csv *.xlsx)</source>
        <translation>ग्राहक सूचियाँ (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>CustomerReason</name>
    <message>
        <location filename="../../domain/customer.py" line="32"/>
        <source>This customer&apos;s reference holds a hidden control character (such as a line break), so no verification was started. Correct it in the customer file and import it again.</source>
        <translation>इस ग्राहक के रेफ़रेंस में एक छिपा हुआ नियंत्रण वर्ण (जैसे लाइन ब्रेक) है, इसलिए सत्यापन शुरू नहीं हुआ। ग्राहक फ़ाइल में इसे ठीक करें और फिर से आयात करें।</translation>
    </message>
    <message>
        <location filename="../../domain/customer.py" line="41"/>
        <source>This customer&apos;s name holds a hidden control character (such as a line break), so no verification was started. Correct it in the customer file and import it again.</source>
        <translation>इस ग्राहक के नाम में एक छिपा हुआ नियंत्रण वर्ण (जैसे लाइन ब्रेक) है, इसलिए सत्यापन शुरू नहीं हुआ। ग्राहक फ़ाइल में इसे ठीक करें और फिर से आयात करें।</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <location filename="../../ui/screens/customer_window.py" line="78"/>
        <source>Customer screen</source>
        <translation>ग्राहक स्क्रीन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_window.py" line="79"/>
        <source>Welcome. Staff will start your verification.</source>
        <translation>स्वागत है। कर्मचारी आपका सत्यापन शुरू करेंगे।</translation>
    </message>
</context>
<context>
    <name>DeliveryReason</name>
    <message>
        <location filename="../../delivery/reasons.py" line="19"/>
        <source>The backend did not answer within {seconds:g} s.</source>
        <translation>बैकएंड ने {seconds:g} सेकंड में जवाब नहीं दिया।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="23"/>
        <source>Cannot reach the backend ({error}).</source>
        <translation>बैकएंड तक नहीं पहुँच पा रहे ({error})।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="27"/>
        <source>The backend answered {status} {phrase}.</source>
        <translation>बैकएंड ने {status} {phrase} जवाब दिया।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="31"/>
        <source>No callback URL is set: results are kept until one is.</source>
        <translation>कोई कॉलबैक URL सेट नहीं है: URL सेट होने तक नतीजे यहीं रखे जा रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="37"/>
        <source>No callback secret is set: results are kept until one is.</source>
        <translation>कोई कॉलबैक सीक्रेट सेट नहीं है: सीक्रेट सेट होने तक नतीजे यहीं रखे जा रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="43"/>
        <source>Could not send results ({error}).</source>
        <translation>नतीजे नहीं भेजे जा सके ({error})।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="48"/>
        <source>Enter the callback URL first.</source>
        <translation>पहले कॉलबैक URL डालें।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="52"/>
        <source>Enter the callback secret first.</source>
        <translation>पहले कॉलबैक सीक्रेट डालें।</translation>
    </message>
    <message>
        <location filename="../../delivery/reasons.py" line="56"/>
        <source>The backend accepted the test ({status}).</source>
        <translation>बैकएंड ने टेस्ट स्वीकार किया ({status})।</translation>
    </message>
</context>
<context>
    <name>DialScreen</name>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="178"/>
        <source>Call this number</source>
        <translation>इस नंबर पर कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="180"/>
        <source>The call is cut automatically before it is answered. It costs nothing.</source>
        <translation>कॉल उठने से पहले अपने-आप कट जाएगी। इसका कोई पैसा नहीं लगेगा।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="182"/>
        <source>Scan to call</source>
        <translation>कॉल करने के लिए स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="183"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="184"/>
        <source>+{seconds} s</source>
        <translation>+{seconds} सेकंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="185"/>
        <source>Send a code by SMS instead</source>
        <translation>इसके बजाय SMS से कोड भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="187"/>
        <source>Change the language</source>
        <translation>भाषा बदलें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="189"/>
        <source>Demo:</source>
        <translation>डेमो:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="190"/>
        <source>Simulate call from this phone</source>
        <translation>इस फ़ोन से नकली कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="191"/>
        <source>Simulate call from another phone</source>
        <translation>दूसरे फ़ोन से नकली कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="236"/>
        <source>the kiosk&apos;s number</source>
        <translation>कियोस्क का नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="245"/>
        <source>{name}, please dial from the phone ending {digits}</source>
        <translation>{name}, कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="251"/>
        <source>Please dial from the phone ending {digits}</source>
        <translation>कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="263"/>
        <source>A call was cut short before its number came through. Please call again from the phone ending {digits}.</source>
        <translation>एक कॉल नंबर आने से पहले ही कट गई। कृपया {digits} पर ख़त्म होने वाले फ़ोन से फिर से कॉल करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="268"/>
        <source>A call came from a hidden number. Please call from the phone ending {digits} with caller ID switched on.</source>
        <translation>एक कॉल छिपे हुए नंबर से आई। कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉलर आईडी चालू करके कॉल करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="272"/>
        <source>A call came from a different number ({number}). Please call from the phone ending {digits}.</source>
        <translation>एक कॉल दूसरे नंबर ({number}) से आई। कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="287"/>
        <source>left</source>
        <translation>बाकी</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="153"/>
        <source>Who is verifying?</source>
        <translation>किसका सत्यापन करना है?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="154"/>
        <source>Scan the parcel or type the order number, phone or name</source>
        <translation>पार्सल स्कैन करें या ऑर्डर नंबर, फ़ोन या नाम लिखें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="155"/>
        <source>Demo: tap a sample customer to try</source>
        <translation>डेमो: आज़माने के लिए कोई नमूना ग्राहक चुनें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="156"/>
        <source>Order, member, phone or name</source>
        <translation>ऑर्डर, सदस्य, फ़ोन या नाम</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="157"/>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="158"/>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="159"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="165"/>
        <source>Verify {number} (not on file)</source>
        <translation>{number} का सत्यापन करें (रिकॉर्ड में नहीं)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="213"/>
        <source>{number} is not on file. Only customers on file can be verified here.</source>
        <translation>{number} रिकॉर्ड में नहीं है। यहाँ केवल रिकॉर्ड वाले ग्राहकों का सत्यापन हो सकता है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="217"/>
        <source>Nobody found for “{query}”.</source>
        <translation>“{query}” के लिए कोई नहीं मिला।</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="176"/>
        <source>No verifications match.</source>
        <translation>कोई मेल खाता सत्यापन नहीं मिला।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="179"/>
        <source>{count} shown</source>
        <translation>{count} दिखाए गए</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="203"/>
        <source>⚠ Wrong PINs: {count}</source>
        <translation>⚠ गलत पिन: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="205"/>
        <source>PIN log</source>
        <translation>पिन रिकॉर्ड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="217"/>
        <source>Could not save the file: {reason}</source>
        <translation>फ़ाइल सेव नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="221"/>
        <source>Saved {count} rows to {path}</source>
        <translation>{count} पंक्तियाँ {path} में सेव की गईं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="241"/>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="242"/>
        <source>Report</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="244"/>
        <source>Reference, name or last digits</source>
        <translation>रेफ़रेंस, नाम या आख़िरी अंक</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="245"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="246"/>
        <source>Export CSV</source>
        <translation>CSV फ़ाइल बनाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="250"/>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="251"/>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="252"/>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="258"/>
        <source>Every outcome</source>
        <translation>हर नतीजा</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="271"/>
        <location filename="../../ui/screens/history_screen.py" line="292"/>
        <source>Not on file</source>
        <translation>रिकॉर्ड में नहीं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="294"/>
        <source>Phone: {number}</source>
        <translation>फ़ोन: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="297"/>
        <source>Started: {date} {time}</source>
        <translation>शुरू: {date} {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="301"/>
        <source>Kiosk: {kiosk}</source>
        <translation>कियोस्क: {kiosk}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="306"/>
        <source>Calls heard</source>
        <translation>सुनी गई कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="309"/>
        <source>No call was heard.</source>
        <translation>कोई कॉल नहीं आई।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="311"/>
        <source>the right phone</source>
        <translation>सही फ़ोन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="312"/>
        <source>a different number</source>
        <translation>दूसरा नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="313"/>
        <source>a hidden number</source>
        <translation>छिपा हुआ नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="314"/>
        <source>call cut short before a number came</source>
        <translation>नंबर आने से पहले ही कॉल कट गई</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="315"/>
        <source>too late</source>
        <translation>बहुत देर से</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="316"/>
        <source>no verification waiting</source>
        <translation>कोई सत्यापन चालू नहीं था</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="321"/>
        <source>{time}: {caller} via {source} — {outcome}</source>
        <translation>{time}: {caller}, {source} से — {outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="323"/>
        <source>no number</source>
        <translation>कोई नंबर नहीं</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Missed-call verification</source>
        <translation>मिस्ड कॉल सत्यापन</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>Could not start the verification. Please try again.</source>
        <translation>सत्यापन शुरू नहीं हो सका। कृपया फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>ModemReason</name>
    <message>
        <location filename="../../sources/modem/reasons.py" line="22"/>
        <source>Connecting to the modem on {port}…</source>
        <translation>{port} पर मॉडेम से जुड़ रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="24"/>
        <source>Looking for the modem…</source>
        <translation>मॉडेम खोजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="27"/>
        <source>No modem found. Check that it is plugged in; looking again…</source>
        <translation>कोई मॉडेम नहीं मिला। देखें कि वह लगा हुआ है; फिर से खोजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="33"/>
        <source>&apos;{port}&apos; is not a valid modem port. Check the modem setting.</source>
        <translation>&apos;{port}&apos; सही मॉडेम पोर्ट नहीं है। मॉडेम की सेटिंग जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="39"/>
        <source>Modem not found on {port}. Check that it is plugged in.</source>
        <translation>{port} पर मॉडेम नहीं मिला। देखें कि वह लगा हुआ है।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="43"/>
        <source>Not allowed to open the modem on {port}. Ask your administrator to give this user access to serial ports (the &apos;dialout&apos; group).</source>
        <translation>{port} पर मॉडेम खोलने की अनुमति नहीं है। अपने एडमिनिस्ट्रेटर से कहें कि इस यूज़र को सीरियल पोर्ट की अनुमति दें (&apos;dialout&apos; समूह)।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="51"/>
        <source>The modem on {port} is in use by another program. Close that program and try again.</source>
        <translation>{port} वाला मॉडेम कोई दूसरा प्रोग्राम इस्तेमाल कर रहा है। वह प्रोग्राम बंद करके फिर से कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="58"/>
        <source>Could not open the modem on {port}. Check that it is plugged in.</source>
        <translation>{port} पर मॉडेम नहीं खुल सका। देखें कि वह लगा हुआ है।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="64"/>
        <source>Lost the connection to the modem on {port}. Check the cable; trying again…</source>
        <translation>{port} वाले मॉडेम से संपर्क टूट गया। केबल जाँचें; फिर से कोशिश की जा रही है…</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="71"/>
        <source>The modem restarted; setting it up again…</source>
        <translation>मॉडेम दोबारा चालू हुआ; उसे फिर से तैयार किया जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="75"/>
        <source>The modem on {port} does not end calls. Unplug it, wait ten seconds and plug it back in.</source>
        <translation>{port} वाला मॉडेम कॉल नहीं काट रहा। उसे निकालें, दस सेकंड रुकें और फिर से लगाएँ।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="81"/>
        <source>The modem is not being used.</source>
        <translation>मॉडेम इस्तेमाल नहीं हो रहा।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="84"/>
        <source>The modem did not get ready in time.</source>
        <translation>मॉडेम समय पर तैयार नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="90"/>
        <source>The modem on {port} stopped answering. Unplug it, wait ten seconds and plug it back in.</source>
        <translation>{port} वाले मॉडेम ने जवाब देना बंद कर दिया। उसे निकालें, दस सेकंड रुकें और फिर से लगाएँ।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="98"/>
        <source>The modem on {port} is not connected.</source>
        <translation>{port} वाला मॉडेम जुड़ा हुआ नहीं है।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="102"/>
        <source>The modem did not answer {command}.</source>
        <translation>मॉडेम ने {command} का जवाब नहीं दिया।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="106"/>
        <source>The modem refused {command}: {reply}</source>
        <translation>मॉडेम ने {command} मना कर दिया: {reply}</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="110"/>
        <source>The modem connection was lost.</source>
        <translation>मॉडेम से संपर्क टूट गया।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="116"/>
        <source>The modem on {port} cannot show caller numbers (it refused AT+CLIP=1). It may not support voice calls.</source>
        <translation>{port} वाला मॉडेम कॉल करने वाले का नंबर नहीं दिखा सकता (उसने AT+CLIP=1 मना किया)। शायद वह वॉइस कॉल नहीं संभालता।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="124"/>
        <source>No SIM card in the modem on {port}. Insert the SIM and plug the modem in again.</source>
        <translation>{port} वाले मॉडेम में SIM कार्ड नहीं है। SIM डालें और मॉडेम फिर से लगाएँ।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="131"/>
        <source>The SIM card is not ready ({state}).</source>
        <translation>SIM कार्ड तैयार नहीं है ({state})।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="135"/>
        <source>The SIM card is blocked and needs its PUK code. Unblock it in a phone, then put it back in the modem.</source>
        <translation>SIM कार्ड ब्लॉक है और उसे PUK कोड चाहिए। उसे किसी फ़ोन में अनब्लॉक करें, फिर मॉडेम में वापस लगाएँ।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="143"/>
        <source>The SIM card is locked with a PIN. Set sim_pin in the settings (or --sim-pin-file) to the SIM&apos;s PIN.</source>
        <translation>SIM कार्ड पर PIN लगा है। सेटिंग्स में sim_pin (या --sim-pin-file) में SIM का PIN डालें।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="151"/>
        <source>The SIM PIN in the settings (sim_pin) must be 4 to 8 digits.</source>
        <translation>सेटिंग्स में SIM का PIN (sim_pin) 4 से 8 अंकों का होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="157"/>
        <source>The SIM card refused the PIN in the settings. Check sim_pin; after three wrong tries the SIM needs its PUK.</source>
        <translation>SIM कार्ड ने सेटिंग्स वाला PIN नहीं माना। sim_pin जाँचें; तीन बार गलत PIN के बाद SIM को PUK चाहिए होगा।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="167"/>
        <source>The mobile network refused the modem&apos;s SIM on {port}. Check that the SIM is active and paid for.</source>
        <translation>मोबाइल नेटवर्क ने {port} वाले मॉडेम की SIM मना कर दी। देखें कि SIM चालू है और उसका भुगतान हुआ है।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="175"/>
        <source>The modem on {port} has no mobile network ({network}). Calls cannot arrive. Check the SIM and the antenna, or move the modem near a window.</source>
        <translation>{port} वाले मॉडेम को मोबाइल नेटवर्क नहीं मिल रहा ({network})। कॉल नहीं आ सकतीं। SIM और एंटीना जाँचें, या मॉडेम को खिड़की के पास रखें।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="181"/>
        <source>{device} ready on {port}</source>
        <translation>{device} {port} पर तैयार</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="184"/>
        <source>{device} ready — {operator}</source>
        <translation>{device} तैयार — {operator}</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="188"/>
        <source>{device} ready — very weak signal: move the modem or its antenna</source>
        <translation>{device} तैयार — सिग्नल बहुत कमज़ोर है: मॉडेम या उसका एंटीना दूसरी जगह रखें</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="194"/>
        <source>{device} ready — {operator}, very weak signal: move the modem or its antenna</source>
        <translation>{device} तैयार — {operator}, सिग्नल बहुत कमज़ोर है: मॉडेम या उसका एंटीना दूसरी जगह रखें</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="202"/>
        <source>not registered, not searching</source>
        <translation>रजिस्टर नहीं, खोज भी नहीं रहा</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="204"/>
        <source>registered (home network)</source>
        <translation>रजिस्टर्ड (होम नेटवर्क)</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="207"/>
        <source>searching for a network</source>
        <translation>नेटवर्क खोज रहा है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="211"/>
        <source>registration refused by the network</source>
        <translation>नेटवर्क ने रजिस्ट्रेशन मना किया</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="213"/>
        <source>unknown</source>
        <translation>पता नहीं</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="214"/>
        <source>registered (roaming)</source>
        <translation>रजिस्टर्ड (रोमिंग)</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="219"/>
        <source>The modem cannot send text messages right now.</source>
        <translation>मॉडेम अभी SMS नहीं भेज सकता।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="223"/>
        <source>The text message was not sent: {cause}.</source>
        <translation>SMS नहीं भेजा गया: {cause}।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="227"/>
        <source>The text message was not sent: {cause} (error {code}).</source>
        <translation>SMS नहीं भेजा गया: {cause} (त्रुटि {code})।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="231"/>
        <source>The text message was not sent: the modem did not answer in time.</source>
        <translation>SMS नहीं भेजा गया: मॉडेम ने समय पर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="237"/>
        <source>the modem is not in text mode</source>
        <translation>मॉडेम टेक्स्ट मोड में नहीं है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="241"/>
        <source>the modem refused the message text</source>
        <translation>मॉडेम ने संदेश का टेक्स्ट नहीं लिया</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="243"/>
        <source>there is no SIM card in the modem</source>
        <translation>मॉडेम में SIM कार्ड नहीं है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="246"/>
        <source>the SIM card is locked with a PIN</source>
        <translation>SIM कार्ड पर PIN लगा है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="248"/>
        <source>the SIM card has a fault</source>
        <translation>SIM कार्ड में खराबी है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="251"/>
        <source>the SIM&apos;s message memory is full</source>
        <translation>SIM की संदेश मेमोरी भर गई है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="255"/>
        <source>the SIM has no message-centre number</source>
        <translation>SIM में मैसेज-सेंटर नंबर नहीं है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="259"/>
        <source>there is no mobile network</source>
        <translation>मोबाइल नेटवर्क नहीं है</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="263"/>
        <source>the network did not answer in time</source>
        <translation>नेटवर्क ने समय पर जवाब नहीं दिया</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="265"/>
        <source>the modem could not send it</source>
        <translation>मॉडेम उसे भेज नहीं सका</translation>
    </message>
    <message>
        <location filename="../../sources/modem/reasons.py" line="266"/>
        <source>the modem refused to send it</source>
        <translation>मॉडेम ने उसे भेजने से मना किया</translation>
    </message>
</context>
<context>
    <name>PhoneReason</name>
    <message>
        <location filename="../../domain/phone.py" line="21"/>
        <source>The phone number is empty.</source>
        <translation>फ़ोन नंबर खाली है।</translation>
    </message>
    <message>
        <location filename="../../domain/phone.py" line="24"/>
        <source>&apos;{text}&apos; is not a phone number.</source>
        <translation>&apos;{text}&apos; फ़ोन नंबर नहीं है।</translation>
    </message>
    <message>
        <location filename="../../domain/phone.py" line="28"/>
        <source>&apos;{text}&apos; has the wrong number of digits.</source>
        <translation>&apos;{text}&apos; में अंकों की संख्या गलत है।</translation>
    </message>
    <message>
        <location filename="../../domain/phone.py" line="32"/>
        <source>&apos;{text}&apos; is not a valid number in any numbering plan.</source>
        <translation>&apos;{text}&apos; किसी भी नंबर योजना में मान्य नंबर नहीं है।</translation>
    </message>
</context>
<context>
    <name>PinLog</name>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="75"/>
        <source>Wrong staff PINs and waits, newest first (last 30 days).</source>
        <translation>गलत कर्मचारी पिन और रुकावटें, सबसे नई पहले (पिछले 30 दिन)।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="77"/>
        <source>No wrong staff PIN in the last 30 days.</source>
        <translation>पिछले 30 दिनों में कोई गलत कर्मचारी पिन नहीं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="84"/>
        <source>Wrong PIN</source>
        <translation>गलत पिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="85"/>
        <source>{count} in a row</source>
        <translation>लगातार {count}वाँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="87"/>
        <source>Pad locked for {time}</source>
        <translation>पैड {time} के लिए बंद</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="88"/>
        <source>after {count} wrong PINs in a row</source>
        <translation>लगातार {count} गलत पिन के बाद</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="90"/>
        <source>Right PIN</source>
        <translation>सही पिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="91"/>
        <source>after {count} wrong PINs</source>
        <translation>{count} गलत पिन के बाद</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="93"/>
        <source>for the history</source>
        <translation>इतिहास के लिए</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="95"/>
        <source>for the settings</source>
        <translation>सेटिंग्स के लिए</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="97"/>
        <source>Kiosk: {kiosk}</source>
        <translation>कियोस्क: {kiosk}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="103"/>
        <source>{count} s</source>
        <translation>{count} सेकंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_log.py" line="104"/>
        <source>{count} min</source>
        <translation>{count} मिनट</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="127"/>
        <source>Staff PIN</source>
        <translation>कर्मचारी पिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="129"/>
        <source>Enter the staff PIN to open the history.</source>
        <translation>इतिहास खोलने के लिए कर्मचारी पिन डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="131"/>
        <source>Enter the staff PIN to open the settings.</source>
        <translation>सेटिंग्स खोलने के लिए कर्मचारी पिन डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="133"/>
        <source>Enter the staff PIN</source>
        <translation>कर्मचारी पिन डालें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="134"/>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="135"/>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="136"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="168"/>
        <source>You can try again.</source>
        <translation>अब फिर से कोशिश कर सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="179"/>
        <source>No staff PIN is set. On this computer run “missedcall-kiosk staff-pin” and put the line it prints into the config file.</source>
        <translation>अभी कोई कर्मचारी पिन नहीं है। इसी कंप्यूटर पर “missedcall-kiosk staff-pin” चलाएँ और जो पंक्ति दिखे उसे कॉन्फ़िग फ़ाइल में जोड़ें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="187"/>
        <source>Too many wrong tries. Try again in {time}.</source>
        <translation>बहुत बार गलत पिन डाला गया। {time} बाद फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="190"/>
        <source>Wrong PIN.</source>
        <translation>गलत पिन।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="193"/>
        <source>Wrong PIN. Tries left before the pad waits: {count}.</source>
        <translation>गलत पिन। पैड रुकने से पहले बची कोशिशें: {count}।</translation>
    </message>
</context>
<context>
    <name>ProviderReason</name>
    <message>
        <location filename="../../sources/provider/reasons.py" line="22"/>
        <source>Cannot reach {provider} (no answer in time).</source>
        <translation>{provider} तक नहीं पहुँच पा रहे (समय पर जवाब नहीं मिला)।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="26"/>
        <source>Cannot reach {provider} ({cause}).</source>
        <translation>{provider} तक नहीं पहुँच पा रहे ({cause})।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="30"/>
        <source>{provider} sent an answer that could not be read.</source>
        <translation>{provider} का जवाब पढ़ा नहीं जा सका।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="34"/>
        <source>{provider} refused the credentials. Check the {provider} settings.</source>
        <translation>{provider} ने लॉगिन जानकारी नहीं मानी। {provider} की सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="40"/>
        <source>{provider} asks us to slow down (HTTP 429); waiting before the next try.</source>
        <translation>{provider} ने धीरे चलने को कहा है (HTTP 429); अगली कोशिश से पहले रुक रहे हैं।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="47"/>
        <source>{provider} is having problems (HTTP {status}); retrying.</source>
        <translation>{provider} में समस्या है (HTTP {status}); फिर से कोशिश की जा रही है।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="53"/>
        <source>{provider} answered HTTP {status}. Check the {provider} settings.</source>
        <translation>{provider} ने HTTP {status} जवाब दिया। {provider} की सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="60"/>
        <source>the address in the settings is not valid</source>
        <translation>सेटिंग्स में दिया पता सही नहीं है</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="64"/>
        <source>no connection to {host}</source>
        <translation>{host} से कनेक्शन नहीं हुआ</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="66"/>
        <source>no connection</source>
        <translation>कनेक्शन नहीं हुआ</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="67"/>
        <source>connection lost</source>
        <translation>कनेक्शन टूट गया</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="72"/>
        <source>{provider} refused the account SID or auth token. Check the {provider} settings.</source>
        <translation>{provider} ने अकाउंट SID या ऑथ टोकन नहीं माना। {provider} की सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="79"/>
        <source>Twilio has no account {account}. Check the account SID in the Twilio settings.</source>
        <translation>Twilio में {account} नाम का कोई अकाउंट नहीं है। Twilio की सेटिंग्स में अकाउंट SID जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="84"/>
        <source>HTTP JSON provider</source>
        <translation>HTTP JSON प्रदाता</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="87"/>
        <source>{provider} sent an answer without a list of calls.</source>
        <translation>{provider} के जवाब में कॉल की सूची नहीं है।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="93"/>
        <source>{provider}: waiting for the next verification</source>
        <translation>{provider}: अगले सत्यापन का इंतज़ार</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="95"/>
        <source>{provider} reachable</source>
        <translation>{provider} से संपर्क है</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="98"/>
        <source>{provider}: {problem}</source>
        <translation>{provider}: {problem}</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="102"/>
        <source>{provider}: unexpected problem; retrying.</source>
        <translation>{provider}: अनपेक्षित समस्या; फिर से कोशिश की जा रही है।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="106"/>
        <source>{provider} is not being used.</source>
        <translation>{provider} इस्तेमाल नहीं हो रहा।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="112"/>
        <source>Opening the port for provider notifications.</source>
        <translation>प्रदाता की सूचनाओं के लिए पोर्ट खोला जा रहा है।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="116"/>
        <source>Listening for provider notifications on {url}</source>
        <translation>{url} पर प्रदाता की सूचनाएँ सुनी जा रही हैं</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="120"/>
        <source>Provider notifications are not being received.</source>
        <translation>प्रदाता की सूचनाएँ नहीं ली जा रहीं।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="124"/>
        <source>Cannot receive provider notifications: this computer has no network address {host}. Check the listening address in the settings.</source>
        <translation>प्रदाता की सूचनाएँ नहीं ली जा सकतीं: इस कंप्यूटर का नेटवर्क पता {host} नहीं है। सेटिंग्स में सुनने का पता जाँचें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="132"/>
        <source>Cannot receive provider notifications: port {port} is already in use by another program. Close that program or choose another port in the settings.</source>
        <translation>प्रदाता की सूचनाएँ नहीं ली जा सकतीं: पोर्ट {port} कोई दूसरा प्रोग्राम इस्तेमाल कर रहा है। वह प्रोग्राम बंद करें या सेटिंग्स में दूसरा पोर्ट चुनें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="140"/>
        <source>Cannot receive provider notifications: the kiosk is not allowed to use port {port}. Choose a port above 1024 in the settings.</source>
        <translation>प्रदाता की सूचनाएँ नहीं ली जा सकतीं: कियोस्क को पोर्ट {port} इस्तेमाल करने की अनुमति नहीं है। सेटिंग्स में 1024 से बड़ा पोर्ट चुनें।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="148"/>
        <source>Cannot receive provider notifications on port {port} ({cause}).</source>
        <translation>पोर्ट {port} पर प्रदाता की सूचनाएँ नहीं ली जा सकतीं ({cause})।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="156"/>
        <source>Set the number customers dial (--dial-number or KIOSK_DIAL_NUMBER) for {provider}.</source>
        <translation>{provider} के लिए वह नंबर सेट करें जिस पर ग्राहक कॉल करते हैं (--dial-number या KIOSK_DIAL_NUMBER)।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="163"/>
        <source>Set the number customers dial (--dial-number or KIOSK_DIAL_NUMBER) to accept provider notifications.</source>
        <translation>प्रदाता की सूचनाएँ लेने के लिए वह नंबर सेट करें जिस पर ग्राहक कॉल करते हैं (--dial-number या KIOSK_DIAL_NUMBER)।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="171"/>
        <source>Missing provider setting: {variable}.</source>
        <translation>प्रदाता की यह सेटिंग नहीं दी गई: {variable}।</translation>
    </message>
    <message>
        <location filename="../../sources/provider/reasons.py" line="175"/>
        <source>Unknown call provider &apos;{provider}&apos;.</source>
        <translation>अनजान कॉल प्रदाता &apos;{provider}&apos;।</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="171"/>
        <source>Report</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="173"/>
        <source>{days} days</source>
        <translation>{days} दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="181"/>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="182"/>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="183"/>
        <location filename="../../ui/screens/report_screen.py" line="201"/>
        <source>Verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="184"/>
        <source>Success</source>
        <translation>सफलता</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="185"/>
        <source>Median time</source>
        <translation>मध्य समय</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="175"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="141"/>
        <source>Could not save the file: {reason}</source>
        <translation>फ़ाइल सेव नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="144"/>
        <source>Saved to {path}</source>
        <translation>{path} में सेव किया गया</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="152"/>
        <source>Verification report</source>
        <translation>सत्यापन रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="154"/>
        <source>Kiosk: {kiosk}</source>
        <translation>कियोस्क: {kiosk}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="155"/>
        <source>Period: {first} – {last} ({days} days)</source>
        <translation>अवधि: {first} – {last} ({days} दिन)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="159"/>
        <source>Saved on {date} at {time}</source>
        <translation>{date} को {time} पर सेव किया गया</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="176"/>
        <source>Save as PDF</source>
        <translation>PDF सेव करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="191"/>
        <source>all kiosks</source>
        <translation>सभी कियोस्क</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="192"/>
        <source>{verified} of {total}</source>
        <translation>{total} में से {verified}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="202"/>
        <source>Not verified</source>
        <translation>सत्यापित नहीं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="203"/>
        <source>Success rate</source>
        <translation>सफलता दर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="204"/>
        <source>No verifications in this period.</source>
        <translation>इस अवधि में कोई सत्यापन नहीं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="222"/>
        <source>Success rate: {rate}</source>
        <translation>सफलता दर: {rate}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="227"/>
        <source>{verified} of {total} verified in the last {days} days.</source>
        <translation>पिछले {days} दिनों में {total} में से {verified} सत्यापित।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="231"/>
        <source>No verifications in the last {days} days.</source>
        <translation>पिछले {days} दिनों में कोई सत्यापन नहीं।</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="96"/>
        <source>Code sent by SMS, typed in at {time}</source>
        <translation>SMS से भेजा गया कोड {time} पर डाला गया</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="101"/>
        <source>Missed call from {number} at {time}</source>
        <translation>{time} पर {number} से मिस्ड कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="105"/>
        <source>1 call came from a different number.</source>
        <translation>1 कॉल दूसरे नंबर से आई।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="107"/>
        <source>{count} calls came from a different number.</source>
        <translation>{count} कॉल दूसरे नंबर से आईं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="110"/>
        <source>No call came from the phone on record.</source>
        <translation>रिकॉर्ड वाले फ़ोन से कोई कॉल नहीं आई।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="120"/>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <location filename="../../ui/screens/result_screen.py" line="122"/>
        <source>Done ({seconds})</source>
        <translation>हो गया ({seconds})</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="130"/>
        <source>Nothing was saved. Please correct the marked fields.</source>
        <translation>कुछ भी सेव नहीं हुआ। कृपया लाल निशान वाले खाने ठीक करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="135"/>
        <source>Could not save the settings: {reason}</source>
        <translation>सेटिंग्स सेव नहीं हो सकीं: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="144"/>
        <source>Saved. Restart the kiosk to use: {names}</source>
        <translation>सेव हो गया। ये बदलाव कियोस्क दोबारा चालू करने पर लागू होंगे: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="147"/>
        <source>Saved and in use.</source>
        <translation>सेव हो गया और लागू है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="160"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="37"/>
        <source>Modem port</source>
        <translation>मॉडेम पोर्ट</translation>
    </message>
    <message>
        <location filename="../../config/sections/providers.py" line="27"/>
        <source>Where calls are heard</source>
        <translation>कॉल कहाँ सुनी जाती हैं</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="59"/>
        <source>Number customers dial</source>
        <translation>ग्राहक किस नंबर पर कॉल करें</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="97"/>
        <source>Callback URL</source>
        <translation>कॉलबैक URL</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="104"/>
        <source>Callback secret</source>
        <translation>कॉलबैक सीक्रेट</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="75"/>
        <source>Time to dial</source>
        <translation>कॉल करने का समय</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="116"/>
        <source>Result shown for</source>
        <translation>नतीजा कितनी देर दिखे</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="68"/>
        <source>Country (region)</source>
        <translation>देश (क्षेत्र)</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="84"/>
        <source>Kiosk name</source>
        <translation>कियोस्क का नाम</translation>
    </message>
    <message>
        <location filename="../../config/sections/screen.py" line="42"/>
        <source>Staff language</source>
        <translation>कर्मचारियों की भाषा</translation>
    </message>
    <message>
        <location filename="../../config/sections/providers.py" line="28"/>
        <source>modem (default)</source>
        <translation>मॉडेम (डिफ़ॉल्ट)</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="38"/>
        <source>e.g. /dev/ttyUSB2, COM3 or auto</source>
        <translation>जैसे /dev/ttyUSB2, COM3 या auto</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="60"/>
        <source>the SIM&apos;s number, e.g. +91 80000 00001</source>
        <translation>SIM का नंबर, जैसे +91 80000 00001</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="20"/>
        <source> s</source>
        <translation> सेकंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="163"/>
        <source>Find modem</source>
        <translation>मॉडेम खोजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="164"/>
        <source>Send a test callback</source>
        <translation>टेस्ट कॉलबैक भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="165"/>
        <source>Support</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="166"/>
        <source>Customers</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="167"/>
        <source>Save diagnostics for support</source>
        <translation>सहायता के लिए जाँच-फ़ाइल सहेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="168"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="169"/>
        <source>Save</source>
        <translation>सेव करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="170"/>
        <source>Leave kiosk mode</source>
        <translation>कियोस्क मोड बंद करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="186"/>
        <source>Looking for a modem…</source>
        <translation>मॉडेम खोजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="193"/>
        <source>Found a modem on {port}.</source>
        <translation>{port} पर मॉडेम मिला।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="195"/>
        <source>No modem answered. Is it plugged in?</source>
        <translation>किसी मॉडेम ने जवाब नहीं दिया। क्या वह लगा हुआ है?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="199"/>
        <source>Checking the kiosk and collecting its logs…</source>
        <translation>कियोस्क की जाँच हो रही है और उसके लॉग इकट्ठे किए जा रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="205"/>
        <source>Could not save the diagnostics: {reason}</source>
        <translation>जाँच-फ़ाइल सहेजी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="212"/>
        <source>Saved {path}. Send this file to support; it holds no passwords.</source>
        <translation>{path} सहेजी गई। यह फ़ाइल सहायता टीम को भेजें; इसमें कोई पासवर्ड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="220"/>
        <source>Sending…</source>
        <translation>भेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_form.py" line="128"/>
        <source>Applies after a restart.</source>
        <translation>कियोस्क दोबारा चालू होने पर लागू होगा।</translation>
    </message>
</context>
<context>
    <name>SignalBars</name>
    <message>
        <location filename="../../ui/widgets/signal_bars.py" line="30"/>
        <source>Signal: {bars} of 4 bars</source>
        <translation>सिग्नल: 4 में से {bars}</translation>
    </message>
</context>
<context>
    <name>SourceName</name>
    <message>
        <location filename="../../domain/health.py" line="30"/>
        <source>Modem</source>
        <translation>मॉडेम</translation>
    </message>
    <message>
        <location filename="../../domain/health.py" line="31"/>
        <source>Simulated modem</source>
        <translation>डेमो मॉडेम</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/status_words.py" line="27"/>
        <source>Verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="28"/>
        <source>Not verified: time ran out</source>
        <translation>सत्यापित नहीं: समय ख़त्म</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="29"/>
        <source>Not verified: cancelled</source>
        <translation>सत्यापित नहीं: रद्द किया गया</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="30"/>
        <source>Waiting for the call</source>
        <translation>कॉल का इंतज़ार</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="38"/>
        <source>connecting</source>
        <translation>जुड़ रहा है</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="39"/>
        <source>ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="40"/>
        <source>problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="41"/>
        <source>stopped</source>
        <translation>बंद</translation>
    </message>
</context>
<context>
    <name>StatusDetails</name>
    <message>
        <location filename="../../ui/screens/status_details.py" line="89"/>
        <source>Status details</source>
        <translation>स्थिति का विवरण</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="90"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="106"/>
        <source>Where calls are heard</source>
        <translation>कॉल कहाँ सुनी जाती हैं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="108"/>
        <source>No call source has reported yet.</source>
        <translation>अभी तक किसी कॉल स्रोत से जानकारी नहीं मिली।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="113"/>
        <source>Operator: {value}</source>
        <translation>ऑपरेटर: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="114"/>
        <source>Network: {value}</source>
        <translation>नेटवर्क: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="122"/>
        <source>Signal: {bars} of 4 bars</source>
        <translation>सिग्नल: 4 में से {bars}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="125"/>
        <source>Port: {port}</source>
        <translation>पोर्ट: {port}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="131"/>
        <source>Results for the backend</source>
        <translation>बैकएंड को भेजे जाने वाले नतीजे</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="133"/>
        <source>Not known yet.</source>
        <translation>अभी पता नहीं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="139"/>
        <source>Last result sent: {date} {time}</source>
        <translation>आख़िरी नतीजा भेजा गया: {date} {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="101"/>
        <source>Customer list from the merchant backend</source>
        <translation>व्यापारी के बैकएंड से ग्राहक सूची</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="148"/>
        <source>The demo&apos;s merchant backend</source>
        <translation>डेमो का व्यापारी बैकएंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="151"/>
        <source>In demo mode results go to a backend built into this kiosk, which checks each signature as yours would.</source>
        <translation>डेमो में नतीजे इसी कियोस्क के अंदर बने बैकएंड को जाते हैं, जो आपके बैकएंड की तरह हर हस्ताक्षर जाँचता है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="157"/>
        <source>Nothing received yet.</source>
        <translation>अभी तक कुछ नहीं मिला।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="163"/>
        <source>Refused at {time}: the signature is not valid.</source>
        <translation>{time} पर अस्वीकार: हस्ताक्षर सही नहीं है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="167"/>
        <source>Received {event} at {time}: ✓ signature valid</source>
        <translation>{time} पर {event} मिला: ✓ हस्ताक्षर सही</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="183"/>
        <source>Not updated at {date} {time}: {problem}</source>
        <translation>{date} {time} पर अपडेट नहीं हुई: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="186"/>
        <source>The customers already on this kiosk are used; it tries again by itself.</source>
        <translation>तब तक इस कियोस्क पर पहले से मौजूद ग्राहक काम में आते हैं; यह अपने-आप फिर से कोशिश करता है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="190"/>
        <source>Updated at {date} {time}: {added} new, {updated} changed.</source>
        <translation>{date} {time} पर अपडेट हुई — नए: {added}, बदले गए: {updated}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="194"/>
        <source>Checked at {date} {time}: no changes.</source>
        <translation>{date} {time} पर जाँची गई: कोई बदलाव नहीं।</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="109"/>
        <source>Results are not sent: no callback URL is set</source>
        <translation>नतीजे नहीं भेजे जाते: कोई कॉलबैक URL सेट नहीं है</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="111"/>
        <source>All results sent to the demo backend</source>
        <translation>सभी नतीजे डेमो बैकएंड को भेजे गए</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="112"/>
        <source>All results sent</source>
        <translation>सभी नतीजे भेज दिए गए</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="114"/>
        <source>1 result waiting to be sent</source>
        <translation>1 नतीजा भेजा जाना बाकी</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="116"/>
        <source>{count} results waiting to be sent</source>
        <translation>{count} नतीजे भेजे जाने बाकी</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="134"/>
        <source>Customer list not updated</source>
        <translation>ग्राहक सूची अपडेट नहीं हुई</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="137"/>
        <source>Customer list updated: {added} new, {updated} changed</source>
        <translation>ग्राहक सूची अपडेट हुई — नए: {added}, बदले गए: {updated}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="143"/>
        <source>DEMO</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="144"/>
        <source>Demo mode: simulated modem and sample customers.</source>
        <translation>डेमो मोड: नकली मॉडेम और नमूना ग्राहक।</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="145"/>
        <source>Details ›</source>
        <translation>विवरण ›</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="146"/>
        <source>Tap for details</source>
        <translation>विवरण के लिए छुएँ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="148"/>
        <source>Starting…</source>
        <translation>शुरू हो रहा है…</translation>
    </message>
</context>
</TS>
