<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
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
        <location filename="../../ui/screens/code_screen.py" line="125"/>
        <source>Verify with a code by SMS</source>
        <translation>SMS कोड से पुष्टि करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="126"/>
        <source>6-digit code</source>
        <translation>6 अंकों का कोड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="127"/>
        <source>Check</source>
        <translation>जाँचें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="128"/>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="129"/>
        <source>Back to the call</source>
        <translation>कॉल पर वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="130"/>
        <source>Send a new code</source>
        <translation>नया कोड भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="142"/>
        <source>Sending a code to the phone ending {digits}…</source>
        <translation>{digits} पर ख़त्म होने वाले फ़ोन पर कोड भेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="144"/>
        <source>The code was not sent. {reason}</source>
        <translation>कोड नहीं भेजा गया। {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="147"/>
        <source>Code sent to the phone ending {digits}. Type the code the customer reads out.</source>
        <translation>{digits} पर ख़त्म होने वाले फ़ोन पर कोड भेजा गया। ग्राहक जो कोड पढ़कर सुनाए, उसे यहाँ डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="154"/>
        <source>Demo: the simulated phone got the code {code}.</source>
        <translation>डेमो: नकली फ़ोन पर कोड {code} आया।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="150"/>
        <source>Valid until {time}.</source>
        <translation>{time} तक मान्य।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="175"/>
        <source>Wrong code. Tries left: {count}.</source>
        <translation>गलत कोड। बची हुई कोशिशें: {count}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="177"/>
        <source>The code has expired. Send a new one, or ask the customer to call.</source>
        <translation>कोड की समय-सीमा ख़त्म हो गई। नया कोड भेजें, या ग्राहक से कॉल करने को कहें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="179"/>
        <source>Too many wrong codes. Send a new one, or ask the customer to call.</source>
        <translation>बहुत बार गलत कोड डाला गया। नया कोड भेजें, या ग्राहक से कॉल करने को कहें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/code_screen.py" line="181"/>
        <source>No code is waiting. Send a new one.</source>
        <translation>कोई कोड बाकी नहीं है। नया कोड भेजें।</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="55"/>
        <source>Importing {name}…</source>
        <translation>{name} आयात हो रही है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="64"/>
        <source>Nothing was imported. {reason}</source>
        <translation>कुछ भी आयात नहीं हुआ। {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="77"/>
        <source>Import customers from a file…</source>
        <translation>फ़ाइल से ग्राहक आयात करें…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="80"/>
        <source>Customers added: {added}, updated: {updated}.</source>
        <translation>जोड़े गए ग्राहक: {added}, अपडेट किए गए: {updated}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="85"/>
        <source>Rows not imported: {rejected}; the reasons are in {report}.</source>
        <translation>आयात न हुई पंक्तियाँ: {rejected}; कारण {report} में हैं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="93"/>
        <source>Customer file</source>
        <translation>ग्राहक फ़ाइल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_import.py" line="94"/>
        <source>Customer lists (*.csv *.xlsx)</source>
        <translation>ग्राहक सूचियाँ (*.csv *.xlsx)</translation>
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
    <name>DialScreen</name>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="179"/>
        <source>Call this number</source>
        <translation>इस नंबर पर कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="181"/>
        <source>The call is cut automatically before it is answered. It costs nothing.</source>
        <translation>कॉल उठने से पहले अपने-आप कट जाएगी। इसका कोई पैसा नहीं लगेगा।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="183"/>
        <source>Scan to call</source>
        <translation>कॉल करने के लिए स्कैन करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="184"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="185"/>
        <source>+{seconds} s</source>
        <translation>+{seconds} सेकंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="186"/>
        <source>Send a code by SMS instead</source>
        <translation>इसके बजाय SMS से कोड भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="188"/>
        <source>Change the language</source>
        <translation>भाषा बदलें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="190"/>
        <source>Demo:</source>
        <translation>डेमो:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="191"/>
        <source>Simulate call from this phone</source>
        <translation>इस फ़ोन से नकली कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="192"/>
        <source>Simulate call from another phone</source>
        <translation>दूसरे फ़ोन से नकली कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="209"/>
        <source>the kiosk&apos;s number</source>
        <translation>कियोस्क का नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="218"/>
        <source>{name}, please dial from the phone ending {digits}</source>
        <translation>{name}, कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="224"/>
        <source>Please dial from the phone ending {digits}</source>
        <translation>कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="236"/>
        <source>A call came from a hidden number. Please call from the phone ending {digits} with caller ID switched on.</source>
        <translation>एक कॉल छिपे हुए नंबर से आई। कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉलर आईडी चालू करके कॉल करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="240"/>
        <source>A call came from a different number ({number}). Please call from the phone ending {digits}.</source>
        <translation>एक कॉल दूसरे नंबर ({number}) से आई। कृपया {digits} पर ख़त्म होने वाले फ़ोन से कॉल करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dial_screen.py" line="255"/>
        <source>left</source>
        <translation>बाकी</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="98"/>
        <source>Who is verifying?</source>
        <translation>किसका सत्यापन करना है?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="99"/>
        <source>Order or member number, phone, or name</source>
        <translation>ऑर्डर या सदस्य नंबर, फ़ोन या नाम</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="100"/>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="101"/>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="102"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="108"/>
        <source>Verify {number} (not on file)</source>
        <translation>{number} का सत्यापन करें (रिकॉर्ड में नहीं)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="156"/>
        <source>{number} is not on file. Only customers on file can be verified here.</source>
        <translation>{number} रिकॉर्ड में नहीं है। यहाँ केवल रिकॉर्ड वाले ग्राहकों का सत्यापन हो सकता है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/find_screen.py" line="160"/>
        <source>Nobody found for “{query}”.</source>
        <translation>“{query}” के लिए कोई नहीं मिला।</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="175"/>
        <source>No verifications match.</source>
        <translation>कोई मेल खाता सत्यापन नहीं मिला।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="178"/>
        <source>{count} shown</source>
        <translation>{count} दिखाए गए</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="202"/>
        <source>⚠ Wrong PINs: {count}</source>
        <translation>⚠ गलत पिन: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="204"/>
        <source>PIN log</source>
        <translation>पिन रिकॉर्ड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="216"/>
        <source>Could not save the file: {reason}</source>
        <translation>फ़ाइल सेव नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="220"/>
        <source>Saved {count} rows to {path}</source>
        <translation>{count} पंक्तियाँ {path} में सेव की गईं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="230"/>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="231"/>
        <source>Report</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="233"/>
        <source>Reference, name or last digits</source>
        <translation>रेफ़रेंस, नाम या आख़िरी अंक</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="234"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="235"/>
        <source>Export CSV</source>
        <translation>CSV फ़ाइल बनाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="239"/>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="240"/>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="241"/>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="247"/>
        <source>Every outcome</source>
        <translation>हर नतीजा</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="260"/>
        <location filename="../../ui/screens/history_screen.py" line="281"/>
        <source>Not on file</source>
        <translation>रिकॉर्ड में नहीं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="283"/>
        <source>Phone: {number}</source>
        <translation>फ़ोन: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="286"/>
        <source>Started: {date} {time}</source>
        <translation>शुरू: {date} {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="290"/>
        <source>Kiosk: {kiosk}</source>
        <translation>कियोस्क: {kiosk}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="295"/>
        <source>Calls heard</source>
        <translation>सुनी गई कॉल</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="298"/>
        <source>No call was heard.</source>
        <translation>कोई कॉल नहीं आई।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="300"/>
        <source>the right phone</source>
        <translation>सही फ़ोन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="301"/>
        <source>a different number</source>
        <translation>दूसरा नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="302"/>
        <source>a hidden number</source>
        <translation>छिपा हुआ नंबर</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="303"/>
        <source>too late</source>
        <translation>बहुत देर से</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="304"/>
        <source>no verification waiting</source>
        <translation>कोई सत्यापन चालू नहीं था</translation>
    </message>
    <message>
        <location filename="../../ui/screens/history_screen.py" line="309"/>
        <source>{time}: {caller} via {source} — {outcome}</source>
        <translation>{time}: {caller}, {source} से — {outcome}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Missed-call verification</source>
        <translation>मिस्ड कॉल सत्यापन</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Could not start the verification. Please try again.</source>
        <translation>सत्यापन शुरू नहीं हो सका। कृपया फिर से कोशिश करें।</translation>
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
        <location filename="../../ui/screens/pin_screen.py" line="123"/>
        <source>Staff PIN</source>
        <translation>कर्मचारी पिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="125"/>
        <source>Enter the staff PIN to open the history.</source>
        <translation>इतिहास खोलने के लिए कर्मचारी पिन डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="127"/>
        <source>Enter the staff PIN to open the settings.</source>
        <translation>सेटिंग्स खोलने के लिए कर्मचारी पिन डालें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="129"/>
        <source>Enter the staff PIN</source>
        <translation>कर्मचारी पिन डालें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="130"/>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="131"/>
        <source>Delete the last digit</source>
        <translation>आख़िरी अंक मिटाएँ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="132"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="162"/>
        <source>You can try again.</source>
        <translation>अब फिर से कोशिश कर सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="173"/>
        <source>No staff PIN is set. On this computer run “missedcall-kiosk staff-pin” and put the line it prints into the config file.</source>
        <translation>अभी कोई कर्मचारी पिन नहीं है। इसी कंप्यूटर पर “missedcall-kiosk staff-pin” चलाएँ और जो पंक्ति दिखे उसे कॉन्फ़िग फ़ाइल में जोड़ें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="181"/>
        <source>Too many wrong tries. Try again in {time}.</source>
        <translation>बहुत बार गलत पिन डाला गया। {time} बाद फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="184"/>
        <source>Wrong PIN.</source>
        <translation>गलत पिन।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_screen.py" line="187"/>
        <source>Wrong PIN. Tries left before the pad waits: {count}.</source>
        <translation>गलत पिन। पैड रुकने से पहले बची कोशिशें: {count}।</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="98"/>
        <source>Report</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="100"/>
        <source>{days} days</source>
        <translation>{days} दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="103"/>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="104"/>
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="105"/>
        <source>Verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="106"/>
        <source>Success</source>
        <translation>सफलता</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="107"/>
        <source>Median time</source>
        <translation>मध्य समय</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="110"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="121"/>
        <source>{verified} of {total}</source>
        <translation>{total} में से {verified}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="134"/>
        <source>{verified} of {total} verified in the last {days} days.</source>
        <translation>पिछले {days} दिनों में {total} में से {verified} सत्यापित।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/report_screen.py" line="138"/>
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
        <location filename="../../ui/screens/settings_screen.py" line="129"/>
        <source>Nothing was saved. Please correct the marked fields.</source>
        <translation>कुछ भी सेव नहीं हुआ। कृपया लाल निशान वाले खाने ठीक करें।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="134"/>
        <source>Could not save the settings: {reason}</source>
        <translation>सेटिंग्स सेव नहीं हो सकीं: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="143"/>
        <source>Saved. Restart the kiosk to use: {names}</source>
        <translation>सेव हो गया। ये बदलाव कियोस्क दोबारा चालू करने पर लागू होंगे: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="146"/>
        <source>Saved and in use.</source>
        <translation>सेव हो गया और लागू है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="152"/>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="36"/>
        <source>Modem port</source>
        <translation>मॉडेम पोर्ट</translation>
    </message>
    <message>
        <location filename="../../config/sections/providers.py" line="26"/>
        <source>Where calls are heard</source>
        <translation>कॉल कहाँ सुनी जाती हैं</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="58"/>
        <source>Number customers dial</source>
        <translation>ग्राहक किस नंबर पर कॉल करें</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="96"/>
        <source>Callback URL</source>
        <translation>कॉलबैक URL</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="103"/>
        <source>Callback secret</source>
        <translation>कॉलबैक सीक्रेट</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="74"/>
        <source>Time to dial</source>
        <translation>कॉल करने का समय</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="115"/>
        <source>Result shown for</source>
        <translation>नतीजा कितनी देर दिखे</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="67"/>
        <source>Country (region)</source>
        <translation>देश (क्षेत्र)</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="83"/>
        <source>Kiosk name</source>
        <translation>कियोस्क का नाम</translation>
    </message>
    <message>
        <location filename="../../config/sections/screen.py" line="41"/>
        <source>Staff language</source>
        <translation>कर्मचारियों की भाषा</translation>
    </message>
    <message>
        <location filename="../../config/sections/providers.py" line="27"/>
        <source>modem (default)</source>
        <translation>मॉडेम (डिफ़ॉल्ट)</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="37"/>
        <source>e.g. /dev/ttyUSB2, COM3 or auto</source>
        <translation>जैसे /dev/ttyUSB2, COM3 या auto</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="59"/>
        <source>the SIM&apos;s number, e.g. +91 80000 00001</source>
        <translation>SIM का नंबर, जैसे +91 80000 00001</translation>
    </message>
    <message>
        <location filename="../../config/sections/basic.py" line="19"/>
        <source> s</source>
        <extracomment>The unit after a number of seconds on the settings screen.</extracomment>
        <translation> सेकंड</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="155"/>
        <source>Find modem</source>
        <translation>मॉडेम खोजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="156"/>
        <source>Send a test callback</source>
        <translation>टेस्ट कॉलबैक भेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="157"/>
        <source>Support</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="158"/>
        <source>Customers</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="159"/>
        <source>Save diagnostics for support</source>
        <translation>सहायता के लिए जाँच-फ़ाइल सहेजें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="160"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="161"/>
        <source>Save</source>
        <translation>सेव करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="162"/>
        <source>Leave kiosk mode</source>
        <translation>कियोस्क मोड बंद करें</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="178"/>
        <source>Looking for a modem…</source>
        <translation>मॉडेम खोजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="185"/>
        <source>Found a modem on {port}.</source>
        <translation>{port} पर मॉडेम मिला।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="187"/>
        <source>No modem answered. Is it plugged in?</source>
        <translation>किसी मॉडेम ने जवाब नहीं दिया। क्या वह लगा हुआ है?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="191"/>
        <source>Checking the kiosk and collecting its logs…</source>
        <translation>कियोस्क की जाँच हो रही है और उसके लॉग इकट्ठे किए जा रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="197"/>
        <source>Could not save the diagnostics: {reason}</source>
        <translation>जाँच-फ़ाइल सहेजी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="204"/>
        <source>Saved {path}. Send this file to support; it holds no passwords.</source>
        <translation>{path} सहेजी गई। यह फ़ाइल सहायता टीम को भेजें; इसमें कोई पासवर्ड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_screen.py" line="212"/>
        <source>Sending…</source>
        <translation>भेजा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_form.py" line="121"/>
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
    <name>Status</name>
    <message>
        <location filename="../../ui/status_words.py" line="25"/>
        <source>Verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="26"/>
        <source>Not verified: time ran out</source>
        <translation>सत्यापित नहीं: समय ख़त्म</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="27"/>
        <source>Not verified: cancelled</source>
        <translation>सत्यापित नहीं: रद्द किया गया</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="28"/>
        <source>Waiting for the call</source>
        <translation>कॉल का इंतज़ार</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="36"/>
        <source>connecting</source>
        <translation>जुड़ रहा है</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="37"/>
        <source>ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="38"/>
        <source>problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="39"/>
        <source>stopped</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="47"/>
        <source>Modem</source>
        <translation>मॉडेम</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="48"/>
        <source>Simulated modem</source>
        <translation>डेमो मॉडेम</translation>
    </message>
    <message>
        <location filename="../../ui/status_words.py" line="58"/>
        <source>{source}: {state}</source>
        <translation>{source}: {state}</translation>
    </message>
</context>
<context>
    <name>StatusDetails</name>
    <message>
        <location filename="../../ui/screens/status_details.py" line="63"/>
        <source>Status details</source>
        <translation>स्थिति का विवरण</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="64"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="68"/>
        <source>Where calls are heard</source>
        <translation>कॉल कहाँ सुनी जाती हैं</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="70"/>
        <source>No call source has reported yet.</source>
        <translation>अभी तक किसी कॉल स्रोत से जानकारी नहीं मिली।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="75"/>
        <source>Operator: {value}</source>
        <translation>ऑपरेटर: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="76"/>
        <source>Network: {value}</source>
        <translation>नेटवर्क: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="82"/>
        <source>Signal: {bars} of 4 bars</source>
        <translation>सिग्नल: 4 में से {bars}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="85"/>
        <source>Port: {port}</source>
        <translation>पोर्ट: {port}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="88"/>
        <source>Results for the backend</source>
        <translation>बैकएंड को भेजे जाने वाले नतीजे</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="90"/>
        <source>Not known yet.</source>
        <translation>अभी पता नहीं।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="96"/>
        <source>Last result sent: {date} {time}</source>
        <translation>आख़िरी नतीजा भेजा गया: {date} {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="102"/>
        <source>Customer list from the merchant backend</source>
        <translation>व्यापारी के बैकएंड से ग्राहक सूची</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="110"/>
        <source>Not updated at {date} {time}: {problem}</source>
        <translation>{date} {time} पर अपडेट नहीं हुई: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="113"/>
        <source>The customers already on this kiosk are used; it tries again by itself.</source>
        <translation>तब तक इस कियोस्क पर पहले से मौजूद ग्राहक काम में आते हैं; यह अपने-आप फिर से कोशिश करता है।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="117"/>
        <source>Updated at {date} {time}: {added} new, {updated} changed.</source>
        <translation>{date} {time} पर अपडेट हुई — नए: {added}, बदले गए: {updated}।</translation>
    </message>
    <message>
        <location filename="../../ui/screens/status_details.py" line="121"/>
        <source>Checked at {date} {time}: no changes.</source>
        <translation>{date} {time} पर जाँची गई: कोई बदलाव नहीं।</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="115"/>
        <source>All results sent</source>
        <translation>सभी नतीजे भेज दिए गए</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="117"/>
        <source>1 result waiting to be sent</source>
        <translation>1 नतीजा भेजा जाना बाकी</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="119"/>
        <source>{count} results waiting to be sent</source>
        <translation>{count} नतीजे भेजे जाने बाकी</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="135"/>
        <source>Customer list not updated</source>
        <translation>ग्राहक सूची अपडेट नहीं हुई</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="138"/>
        <source>Customer list updated: {added} new, {updated} changed</source>
        <translation>ग्राहक सूची अपडेट हुई — नए: {added}, बदले गए: {updated}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="144"/>
        <source>DEMO</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="145"/>
        <source>Demo mode: simulated modem and sample customers.</source>
        <translation>डेमो मोड: नकली मॉडेम और नमूना ग्राहक।</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="146"/>
        <source>Details ›</source>
        <translation>विवरण ›</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="147"/>
        <source>Tap for details</source>
        <translation>विवरण के लिए छुएँ</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_strip.py" line="149"/>
        <source>Starting…</source>
        <translation>शुरू हो रहा है…</translation>
    </message>
</context>
</TS>
